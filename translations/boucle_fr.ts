<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>ArgumentParser</name>
    <message>
        <location filename="../app/commands/argumentparser.cpp" line="+37"/>
        <source>option %1 needs a value</source>
        <translation>l&apos;option %1 demande une valeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown option %1</source>
        <translation>option inconnue&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Boucle::AnnotationPredictionSource</name>
    <message>
        <location filename="../core/interop/annotationpredictionsource.cpp" line="+24"/>
        <source>the file states %1×%2 but the image is displayed %3×%4: its EXIF orientation turns it a quarter, and the tool that wrote the file ignored it; coordinates must be on the image as displayed</source>
        <translation>le fichier indique %1×%2 mais l&apos;image s&apos;affiche en %3×%4&#xa0;: son orientation EXIF la fait pivoter d&apos;un quart de tour, et l&apos;outil qui a écrit le fichier l&apos;a ignorée&#xa0;; les coordonnées doivent porter sur l&apos;image telle qu&apos;elle s&apos;affiche</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file states %1×%2 but the image is %3×%4</source>
        <translation>le fichier indique %1×%2 mais l&apos;image fait %3×%4</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>more than %1 classes</source>
        <translation>plus de %1 classes</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>reading was cancelled</source>
        <translation>la lecture a été annulée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 more problems are not listed</source>
        <translation>%1 autres problèmes ne sont pas listés</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this %1 file holds ground truth (no scores), not predictions; add it with boucle import-labels</source>
        <translation>ce fichier %1 contient une vérité terrain (sans scores), pas des prédictions&#xa0;; ajoutez-le avec boucle import-labels</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;%1&apos; is not name@version (e.g. yolov8@2024-05-01)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme name@version (par ex. yolov8@2024-05-01)</translation>
    </message>
</context>
<context>
    <name>Boucle::AnnotationReaders</name>
    <message>
        <location filename="../core/interop/annotationreaders.cpp" line="+43"/>
        <source>the %1 format is not read as annotations</source>
        <translation>le format %1 n&apos;est pas lu en tant qu&apos;annotations</translation>
    </message>
</context>
<context>
    <name>Boucle::AnnotationWriters</name>
    <message>
        <location filename="../core/interop/annotationwriters.cpp" line="+31"/>
        <source>the %1 format is not written from annotations</source>
        <translation>le format %1 n&apos;est pas écrit à partir d&apos;annotations</translation>
    </message>
</context>
<context>
    <name>Boucle::AtomicOutput</name>
    <message>
        <location filename="../core/interop/atomicoutput.cpp" line="+55"/>
        <source>%1 is the project file or one of its SQLite files; choose another output</source>
        <translation>%1 est le fichier du projet ou l&apos;un de ses fichiers SQLite&#xa0;; choisissez une autre sortie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the folder %1 does not exist</source>
        <translation>le dossier %1 n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exists and is not a folder; this format writes a folder</source>
        <translation>%1 existe et n&apos;est pas un dossier&#xa0;; ce format écrit un dossier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create a folder beside %1</source>
        <translation>impossible de créer un dossier à côté de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a folder; this format writes a file</source>
        <translation>%1 est un dossier&#xa0;; ce format écrit un fichier</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+18"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot make the link %1 to %2</source>
        <translation>impossible de créer le lien %1 vers %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot write beside %1: %2</source>
        <translation>impossible d&apos;écrire à côté de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+24"/>
        <source>cannot move the export into place as %1</source>
        <translation>impossible de mettre l&apos;export en place sous %1</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>cannot move the previous %1 aside</source>
        <translation>impossible de mettre de côté l&apos;ancien %1</translation>
    </message>
</context>
<context>
    <name>Boucle::AuditCharts</name>
    <message>
        <location filename="../core/report/auditcharts.cpp" line="+46"/>
        <source>No reviewed samples</source>
        <translation>Aucun échantillon revu</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Confusion: reviewed label (rows) against prediction (columns)</source>
        <translation>Confusion&#xa0;: étiquette revue (lignes) contre prédiction (colonnes)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Share of flagged samples found wrong, by trigger</source>
        <translation>Part des échantillons signalés trouvés erronés, par déclencheur</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>control samples: %1 %</source>
        <translation>échantillons témoins&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reliability: accuracy against confidence (ECE %1 %)</source>
        <translation>Fiabilité&#xa0;: exactitude selon la confiance (ECE %1&#xa0;%)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>confidence</source>
        <translation>confiance</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Model versions on the same %1 reviewed samples</source>
        <translation>Versions du modèle sur les mêmes échantillons revus (%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1
%2 reviews</source>
        <translation>%1
revues&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::AuditReportWriter</name>
    <message>
        <location filename="../core/report/auditreportwriter.cpp" line="+31"/>
        <location line="+165"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed at (UTC)</source>
        <translation>Signé le (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 of the decisions signed</source>
        <translation>SHA-256 des décisions signées</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+10"/>
        <location line="+88"/>
        <source>Audit of %1</source>
        <translation>Audit de %1</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Reviews: %1</source>
        <translation>Revues&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read on %1 (UTC)</source>
        <translation>Lu le %1 (UTC)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intervals are 95 % Wilson score intervals. Each reviewed sample counts once, with the latest decision on it; the control samples, drawn at random, give the unbiased error rate.</source>
        <translation>Les intervalles sont des intervalles de Wilson à 95&#xa0;%. Chaque échantillon revu compte une fois, avec sa dernière décision&#xa0;; les échantillons témoins, tirés au hasard, donnent le taux d&apos;erreur sans biais.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Expected calibration error: %1 % over %2 samples</source>
        <translation>Erreur de calibration attendue&#xa0;: %1&#xa0;% sur %2 échantillons</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each prediction, in descending score, is matched to the unmatched reviewed object of its class with the highest IoU at or above the threshold. Boxes, and the extents of polygons and masks, are compared as axis-aligned rectangles. AP is COCO&apos;s 101-point interpolated average precision; the row over all classes averages the classes that have reviewed objects. &apos;–&apos; marks a value that does not exist: precision without predictions, recall and AP without reviewed objects.</source>
        <translation>Chaque prédiction, par score décroissant, est appariée à l&apos;objet revu non apparié de sa classe ayant la plus forte IoU supérieure ou égale au seuil. Les boîtes, ainsi que les emprises des polygones et des masques, sont comparées comme des rectangles alignés sur les axes. L&apos;AP est la précision moyenne interpolée sur 101 points de COCO&#xa0;; la ligne de toutes les classes fait la moyenne des classes qui ont des objets revus. «&#xa0;–&#xa0;» marque une valeur qui n&apos;existe pas&#xa0;: précision sans prédictions, rappel et AP sans objets revus.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to show.</source>
        <translation>Rien à afficher.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
</context>
<context>
    <name>Boucle::AuditTables</name>
    <message>
        <location filename="../core/report/audittables.cpp" line="+220"/>
        <source>Error rates</source>
        <translation>Taux d&apos;erreur</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+109"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="-165"/>
        <location line="+3"/>
        <location line="+83"/>
        <location line="+80"/>
        <location line="+46"/>
        <location line="+26"/>
        <location line="+31"/>
        <location line="+45"/>
        <location line="+35"/>
        <source>95 % low</source>
        <translation>Borne basse à 95&#xa0;%</translation>
    </message>
    <message>
        <location line="-348"/>
        <location line="+3"/>
        <location line="+83"/>
        <location line="+80"/>
        <location line="+46"/>
        <location line="+26"/>
        <location line="+31"/>
        <location line="+45"/>
        <location line="+35"/>
        <source>95 % high</source>
        <translation>Borne haute à 95&#xa0;%</translation>
    </message>
    <message>
        <location line="-294"/>
        <location line="+112"/>
        <location line="+124"/>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Model error rate on reviewed samples</source>
        <translation>Taux d&apos;erreur du modèle sur les échantillons revus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model error rate on control samples (unbiased)</source>
        <translation>Taux d&apos;erreur du modèle sur les échantillons témoins (sans biais)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewed \ predicted</source>
        <translation>Revu \ prédit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No prediction</source>
        <translation>Aucune prédiction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confusion matrix (rows: reviewed label, columns: prediction)</source>
        <translation>Matrice de confusion (lignes&#xa0;: étiquette revue, colonnes&#xa0;: prédiction)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Per class</source>
        <translation>Par classe</translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+215"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+126"/>
        <location line="+26"/>
        <location line="+31"/>
        <source>Reviewed</source>
        <translation>Revus</translation>
    </message>
    <message>
        <location line="-271"/>
        <location line="+215"/>
        <source>Predicted</source>
        <translation>Prédits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Taux d&apos;erreur</translation>
    </message>
    <message>
        <location line="-212"/>
        <location line="+215"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location line="-212"/>
        <location line="+213"/>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top confusions</source>
        <translation>Confusions les plus fréquentes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Trigger yield: share of flagged samples found wrong</source>
        <translation>Rendement des déclencheurs&#xa0;: part des échantillons signalés trouvés erronés</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+152"/>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong</source>
        <translation>Erronés</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+152"/>
        <location line="+31"/>
        <source>Yield</source>
        <translation>Rendement</translation>
    </message>
    <message>
        <location line="-180"/>
        <location line="+152"/>
        <source>Lift over control</source>
        <translation>Gain sur le témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better than control</source>
        <translation>Meilleur que le témoin</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not shown</source>
        <translation>non démontré</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+159"/>
        <source>control (random draw)</source>
        <translation>témoin (tirage aléatoire)</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>True objects</source>
        <translation>Objets réels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True positives</source>
        <translation>Vrais positifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positives</source>
        <translation>Faux positifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misses</source>
        <translation>Objets manqués</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mean IoU</source>
        <translation>IoU moyenne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AP at IoU %1</source>
        <translation>AP à IoU %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AP at IoU 0.50</source>
        <translation>AP à IoU 0.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AP at IoU 0.50:0.95</source>
        <translation>AP à IoU 0.50:0.95</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detector by class at IoU %1 (matched greedily by score)</source>
        <translation>Détecteur par classe à IoU %1 (appariement glouton par score)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all classes</source>
        <translation>toutes les classes</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Detector audit</source>
        <translation>Audit du détecteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviewed detection samples</source>
        <translation>Échantillons de détection revus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of which with no object, predicted or true</source>
        <translation>dont sans aucun objet, prédit ou réel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>of which corrected by reviewers</source>
        <translation>dont corrigés par les relecteurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out: some predicted objects not yet decided</source>
        <translation>Exclus&#xa0;: des objets prédits pas encore décidés</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trigger yield on detection samples: share with an object corrected, removed or added</source>
        <translation>Rendement des déclencheurs sur les échantillons de détection&#xa0;: part avec un objet corrigé, retiré ou ajouté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Corrected</source>
        <translation>Corrigés</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>Suspect labels: share confirmed wrong by review</source>
        <translation>Étiquettes suspectes&#xa0;: part confirmée fausse par la revue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labelled</source>
        <translation>Étiquetée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmed</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>all suspects</source>
        <translation>toutes les suspectes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control (random draw): model wrong</source>
        <translation>contrôle (tirage aléatoire)&#xa0;: modèle dans l’erreur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calibration (reliability bins)</source>
        <translation>Calibration (intervalles de fiabilité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean confidence</source>
        <translation>Confiance moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <location line="+43"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+20"/>
        <source>Reviewers</source>
        <translation>Relecteurs</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reviewer</source>
        <translation>Relecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Decisions per hour</source>
        <translation>Décisions par heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median seconds per decision</source>
        <translation>Secondes par décision (médiane)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override rate</source>
        <translation>Taux de correction</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Agreement on samples seen by two or more reviewers</source>
        <translation>Accord sur les échantillons vus par au moins deux relecteurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <source>Shared samples</source>
        <translation>Échantillons communs</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Observed agreement</source>
        <translation>Accord observé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all %1 reviewers (Fleiss)</source>
        <translation>les %1 relecteurs (Fleiss)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+43"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+43"/>
        <source>Trained on version</source>
        <translation>Entraîné sur la version</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accuracy on %1</source>
        <translation>Exactitude sur %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model versions on the same reviewed samples</source>
        <translation>Versions du modèle sur les mêmes échantillons revus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dataset versions</source>
        <translation>Versions du jeu de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviews spent against accuracy gained</source>
        <translation>Revues effectuées contre exactitude gagnée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviews spent</source>
        <translation>Revues effectuées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gained</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points per 1000 reviews</source>
        <translation>Points pour 1&#xa0;000 revues</translation>
    </message>
</context>
<context>
    <name>Boucle::BackgroundTransfer</name>
    <message>
        <location filename="../ui/dialogs/backgroundtransfer.cpp" line="+22"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Importing %1</source>
        <translation>Import de %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 images or rows, %2 label changes, %3 new samples; not committed yet</source>
        <translation>%1 images ou lignes, %2 changements d&apos;étiquette, %3 nouveaux échantillons&#xa0;; rien n&apos;est encore enregistré</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exporting to %1</source>
        <translation>Export vers %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>wrote %1 labelled samples of version %2 to %3</source>
        <translation>%1 échantillons étiquetés de la version %2 écrits dans %3</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+29"/>
        <source>The export was cancelled; nothing was written.</source>
        <translation>L&apos;export a été annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>Boucle::BatchBuilder</name>
    <message>
        <location filename="../core/policy/batchbuilder.cpp" line="+367"/>
        <source>a batch needs a name</source>
        <translation>un lot doit avoir un nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a batch named &apos;%1&apos; already exists</source>
        <translation>un lot nommé «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>Scoring %n prediction(s)</source>
        <translation>
            <numerusform>Évaluation de %n prédiction</numerusform>
            <numerusform>Évaluation de %n prédictions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing to flag: no eligible prediction fired a trigger (%1 scored, %2 eligible)</source>
        <translation>rien à signaler&#xa0;: aucune prédiction admissible n&apos;a activé de déclencheur (évaluées&#xa0;: %1, admissibles&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>Boucle::BatchItemQuery</name>
    <message>
        <location filename="../core/store/batchitemquery.cpp" line="+79"/>
        <source>the triggers of batch %1 cannot be read: %2</source>
        <translation>les déclencheurs du lot %1 ne peuvent pas être lus&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::BatchPanel</name>
    <message>
        <location filename="../ui/panels/batchpanel.cpp" line="+16"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
</context>
<context>
    <name>Boucle::CheatSheetDialog</name>
    <message>
        <location filename="../ui/dialogs/cheatsheetdialog.cpp" line="+41"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Boucle::ClassLegend</name>
    <message>
        <location filename="../ui/panels/classlegend.cpp" line="+42"/>
        <source>Class keys: each digit key chooses the class of that name (%1–%2).</source>
        <translation>Touches des classes&#xa0;: chaque chiffre choisit la classe de ce nom (%1–%2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 more: / to search</source>
        <translation>%1 de plus&#xa0;: / pour chercher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class keys: %1</source>
        <translation>Touches des classes&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Boucle::Cli::LoopCommand</name>
    <message>
        <location filename="../app/commands/loopcommand.cpp" line="+39"/>
        <source>unexpected argument %1</source>
        <translation>argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown data set &apos;%1&apos; (expected digits or letters)</source>
        <translation>jeu de données «&#xa0;%1&#xa0;» inconnu (attendu&#xa0;: digits ou letters)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown strategy &apos;%1&apos; (expected random, least-confidence, margin, entropy, committee or diverse)</source>
        <translation>stratégie «&#xa0;%1&#xa0;» inconnue (attendu&#xa0;: random, least-confidence, margin, entropy, committee ou diverse)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 needs a positive whole number, not &apos;%2&apos;</source>
        <translation>%1 demande un nombre entier positif, pas «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Simulating %1 strategies on %2 (%3 samples): budget %4, step %5, %6 seeds</source>
        <translation>Simulation de %1 stratégies sur %2 (%3 échantillons)&#xa0;: budget %4, pas %5, %6 graines</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Full-pool accuracy %1 %, target (99 %) %2 %; pool %3, test %4</source>
        <translation>Exactitude sur tout le réservoir %1&#xa0;%, cible (99&#xa0;%) %2&#xa0;%&#xa0;; réservoir %3, test %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>strategy</source>
        <translation>stratégie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>labels to 99 %</source>
        <translation>étiquettes pour 99&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saving vs random</source>
        <translation>économie vs aléatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final accuracy</source>
        <translation>exactitude finale</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Wrote %1, %2 and %3</source>
        <translation>Écrit&#xa0;: %1, %2 et %3</translation>
    </message>
</context>
<context>
    <name>Boucle::ClinicalDemoMaterial</name>
    <message>
        <location filename="../core/loop/clinicaldemomaterial.cpp" line="+66"/>
        <source>%1 cannot be written (%2)</source>
        <translation>%1 ne peut pas être écrit (%2)</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+108"/>
        <source>%1 cannot be read (%2)</source>
        <translation>%1 ne peut pas être lu (%2)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Writing CT series: %1 cases</source>
        <translation>Écriture des séries scanner&#xa0;: %1 cas</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Clinical demo material ready in %1</source>
        <translation>Matériel de la démo clinique prêt dans %1</translation>
    </message>
</context>
<context>
    <name>Boucle::CocoReader</name>
    <message>
        <location filename="../core/interop/cocoelements.cpp" line="+45"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this is not a regular file</source>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is %1 MiB, more than the limit of %2 MiB for a COCO file</source>
        <translation>le fichier fait %1 Mio, plus que la limite de %2 Mio pour un fichier COCO</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot open the file: %1</source>
        <translation>impossible d&apos;ouvrir le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the file: %1</source>
        <translation>impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>this is not valid JSON: %1</source>
        <translation>ce n&apos;est pas du JSON valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>must be an integer, not %1</source>
        <translation>doit être un entier, pas %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a whole number of at least 0, not %1</source>
        <translation>doit être un nombre entier supérieur ou égal à 0, pas %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a whole number from %1 to %2, not %3</source>
        <translation>doit être un nombre entier de %1 à %2, pas %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../core/interop/cocoresultsreader.cpp" line="+153"/>
        <source>must be a number, not %1</source>
        <translation>doit être un nombre, pas %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>NaN et les nombres infinis ne sont pas autorisés</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the point (%1, %2) is outside the image, which is %3×%4 pixels</source>
        <translation>le point (%1, %2) est hors de l&apos;image, qui fait %3×%4 pixels</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>is not a compressed RLE string as pycocotools writes it</source>
        <translation>n&apos;est pas une chaîne RLE compressée telle que l&apos;écrit pycocotools</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be a string or an array of integers, not %1</source>
        <translation>doit être une chaîne ou un tableau d&apos;entiers, pas %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>an RLE segmentation needs both &quot;size&quot; and &quot;counts&quot;</source>
        <translation>une segmentation RLE a besoin de «&#xa0;size&#xa0;» et de «&#xa0;counts&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be an array of 2 integers [height, width]</source>
        <translation>doit être un tableau de 2 entiers [height, width]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is [%1, %2] ([height, width]) but the image is %3 high and %4 wide</source>
        <translation>vaut [%1, %2] ([height, width]) mais l&apos;image fait %3 de haut et %4 de large</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the runs add up to %1 pixels, not %2 × %3 = %4</source>
        <translation>les plages totalisent %1 pixels, et non %2 × %3 = %4</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>must be an array [x, y, width, height], not %1</source>
        <translation>doit être un tableau [x, y, width, height], pas %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must hold 4 numbers [x, y, width, height], not %1</source>
        <translation>doit contenir 4 nombres [x, y, width, height], pas %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a box cannot have a negative width or height (%1)</source>
        <translation>une boîte ne peut pas avoir une largeur ou une hauteur négative (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the box [%1, %2, %3, %4] leaves the image, which is %5×%6 pixels (a box may end at most at the image&apos;s width and height)</source>
        <translation>la boîte [%1, %2, %3, %4] sort de l&apos;image, qui fait %5×%6 pixels (une boîte peut finir au plus à la largeur et à la hauteur de l&apos;image)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>must be an array of polygons or an RLE object, not %1</source>
        <translation>doit être un tableau de polygones ou un objet RLE, pas %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a polygon must be an array [x1, y1, x2, y2, ...], not %1</source>
        <translation>un polygone doit être un tableau [x1, y1, x2, y2, ...], pas %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a polygon needs an even count of at least 6 numbers (3 points), not %1</source>
        <translation>un polygone a besoin d&apos;un nombre pair d&apos;au moins 6 valeurs (3 points), pas %1</translation>
    </message>
    <message>
        <location filename="../core/interop/cocoreader.cpp" line="+33"/>
        <location filename="../core/interop/cocoresultsreader.cpp" line="-72"/>
        <source>must be an object, not %1</source>
        <translation>doit être un objet, pas %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a string, not %1</source>
        <translation>doit être une chaîne, pas %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../core/interop/cocoresultsreader.cpp" line="+34"/>
        <source>is missing</source>
        <translation>manque</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lists %1 categories, more than the limit of %2</source>
        <translation>liste %1 catégories, plus que la limite de %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the category id %1 is already categories[%2]</source>
        <translation>l&apos;id de catégorie %1 est déjà categories[%2]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the category name &apos;%1&apos; is already categories[%2]</source>
        <translation>le nom de catégorie «&#xa0;%1&#xa0;» est déjà categories[%2]</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>lists %1 images, more than the limit of %2</source>
        <translation>liste %1 images, plus que la limite de %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is longer than %1 characters</source>
        <translation>dépasse %1 caractères</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the image id %1 is already %2</source>
        <translation>l&apos;id d&apos;image %1 est déjà %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is already images[%2]</source>
        <translation>«&#xa0;%1&#xa0;» est déjà images[%2]</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>states %1×%2 but &apos;%3&apos; is displayed %4×%5 (its EXIF orientation turns it): the coordinates may refer to the stored pixels; give the displayed size and coordinates</source>
        <translation>indique %1×%2 mais «&#xa0;%3&#xa0;» s&apos;affiche en %4×%5 (son orientation EXIF la fait pivoter)&#xa0;: les coordonnées renvoient peut-être aux pixels stockés&#xa0;; indiquez la taille et les coordonnées affichées</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>states %1×%2 but &apos;%3&apos; is %4×%5 pixels</source>
        <translation>indique %1×%2 mais «&#xa0;%3&#xa0;» fait %4×%5 pixels</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>lists %1 annotations, more than the limit of %2</source>
        <translation>liste %1 annotations, plus que la limite de %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+205"/>
        <source>Reading COCO annotations</source>
        <translation>Lecture des annotations COCO</translation>
    </message>
    <message>
        <location line="-164"/>
        <location filename="../core/interop/cocoresultsreader.cpp" line="+5"/>
        <source>has neither a bbox nor a segmentation</source>
        <translation>n&apos;a ni bbox ni segmentation</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no image has the id %1 in &quot;images&quot;</source>
        <translation>aucune image n&apos;a l&apos;id %1 dans «&#xa0;images&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no category has the id %1 in &quot;categories&quot;</source>
        <translation>aucune catégorie n&apos;a l&apos;id %1 dans «&#xa0;categories&#xa0;»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the annotation id %1 is already annotations[%2]</source>
        <translation>l&apos;id d&apos;annotation %1 est déjà annotations[%2]</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>is empty and there is no bbox: the annotation has no shape</source>
        <translation>est vide et il n&apos;y a pas de bbox&#xa0;: l&apos;annotation n&apos;a pas de forme</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>must be a number of at least 0, not %1</source>
        <translation>doit être un nombre supérieur ou égal à 0, pas %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>a COCO file is an object {&quot;images&quot;, &quot;annotations&quot;, &quot;categories&quot;}, not %1</source>
        <translation>un fichier COCO est un objet {&quot;images&quot;, &quot;annotations&quot;, &quot;categories&quot;}, pas %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>is missing: a COCO file lists its images and its categories</source>
        <translation>manque&#xa0;: un fichier COCO liste ses images et ses catégories</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>must be an array, not %1</source>
        <translation>doit être un tableau, pas %1</translation>
    </message>
    <message>
        <location filename="../core/interop/cocoresultsreader.cpp" line="-94"/>
        <source>COCO results name images by id only: give the ground-truth COCO file that names them (--coco-gt)</source>
        <translation>les résultats COCO ne désignent les images que par leur id&#xa0;: indiquez le fichier COCO de vérité terrain qui les nomme (--coco-gt)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>COCO results are an array [{&quot;image_id&quot;, &quot;category_id&quot;, &quot;bbox&quot;, &quot;score&quot;}, ...], not %1</source>
        <translation>les résultats COCO sont un tableau [{&quot;image_id&quot;, &quot;category_id&quot;, &quot;bbox&quot;, &quot;score&quot;}, ...], pas %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>lists %1 results, more than the limit of %2</source>
        <translation>liste %1 résultats, plus que la limite de %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+116"/>
        <source>Reading COCO results</source>
        <translation>Lecture des résultats COCO</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>no image has the id %1 in the ground truth %2</source>
        <translation>aucune image n&apos;a l&apos;id %1 dans la vérité terrain %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no category has the id %1 in the ground truth %2</source>
        <translation>aucune catégorie n&apos;a l&apos;id %1 dans la vérité terrain %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be from 0 to 1, not %1</source>
        <translation>doit être compris entre 0 et 1, pas %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>is empty and there is no bbox: the result has no shape</source>
        <translation>est vide et il n&apos;y a pas de bbox&#xa0;: le résultat n&apos;a pas de forme</translation>
    </message>
</context>
<context>
    <name>Boucle::CocoWriter</name>
    <message>
        <location filename="../core/interop/cocoresultswriter.cpp" line="+36"/>
        <source>Writing COCO results</source>
        <translation>Écriture des résultats COCO</translation>
    </message>
    <message>
        <location filename="../core/interop/cocowriter.cpp" line="+73"/>
        <location line="+43"/>
        <source>Writing COCO annotations</source>
        <translation>Écriture des annotations COCO</translation>
    </message>
    <message>
        <location filename="../core/interop/cocowriting.cpp" line="+34"/>
        <source>object %1 of &apos;%2&apos;</source>
        <translation>objet %1 de «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>two classes have the category id %1</source>
        <translation>deux classes ont l&apos;id de catégorie %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the size of &apos;%1&apos; is unknown; COCO states every image&apos;s width and height</source>
        <translation>la taille de «&#xa0;%1&#xa0;» est inconnue&#xa0;; COCO indique la largeur et la hauteur de chaque image</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is a point; COCO annotations are boxes, polygons or masks</source>
        <translation>%1 est un point&#xa0;; les annotations COCO sont des boîtes, des polygones ou des masques</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a box rotated by %2°; COCO boxes cannot be rotated</source>
        <translation>%1 est une boîte tournée de %2°&#xa0;; les boîtes COCO ne peuvent pas être tournées</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the mask of %1 does not cover its image (%2×%3)</source>
        <translation>le masque de %1 ne couvre pas son image (%2×%3)</translation>
    </message>
</context>
<context>
    <name>Boucle::ColourMap</name>
    <message>
        <location filename="../core/imaging/colourmap.cpp" line="+50"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
</context>
<context>
    <name>Boucle::ConfidentLearning</name>
    <message>
        <location filename="../core/triggers/confidentlearning.cpp" line="+91"/>
        <source>confident learning needs at least two classes, not %1</source>
        <translation>l’apprentissage confiant demande au moins deux classes, pas %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the probabilities hold %1 values, but %2 rows of %3 classes need %4</source>
        <translation>les probabilités contiennent %1 valeurs, mais %2 lignes de %3 classes en demandent %4</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>row %1: label %2 is not a class index in [0, %3) nor -1</source>
        <translation>ligne %1&#xa0;: l’étiquette %2 n’est ni un indice de classe dans [0, %3) ni -1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>row %1: the probability of class %2 is not a number</source>
        <translation>ligne %1&#xa0;: la probabilité de la classe %2 n’est pas un nombre</translation>
    </message>
</context>
<context>
    <name>Boucle::ContentVerifier</name>
    <message>
        <location filename="../core/ingest/contentverifier.cpp" line="+33"/>
        <source>%1: changed since it was imported: %2</source>
        <translation>%1&#xa0;: modifié depuis l&apos;import&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: changed since it was last checked on %2: %3</source>
        <translation>%1&#xa0;: modifié depuis la dernière vérification du %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: missing (it was there before)</source>
        <translation>%1&#xa0;: absent (il était présent auparavant)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be checked: %2</source>
        <translation>%1&#xa0;: ne peut pas être vérifié&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the sample files</source>
        <translation>Lecture des fichiers d&apos;échantillons</translation>
    </message>
</context>
<context>
    <name>Boucle::CrossValidatedProbabilities</name>
    <message>
        <location filename="../core/learning/crossvalidatedprobabilities.cpp" line="+68"/>
        <source>%1 feature rows but %2 labels</source>
        <translation>%1 lignes de caractéristiques mais %2 étiquettes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the features must be 32-bit floating point numbers</source>
        <translation>les caractéristiques doivent être des nombres flottants de 32 bits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cross-validation needs at least two classes, not %1</source>
        <translation>la validation croisée demande au moins deux classes, pas %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cross-validation needs at least 2 folds, not %1</source>
        <translation>la validation croisée demande au moins 2 plis, pas %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the committee has no member</source>
        <translation>le comité n’a aucun membre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>row %1: label %2 is not a class index in [0, %3) nor -1</source>
        <translation>ligne %1&#xa0;: l’étiquette %2 n’est ni un indice de classe dans [0, %3) ni -1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 labelled rows cannot be split into %2 folds</source>
        <translation>%1 lignes étiquetées ne peuvent être réparties en %2 plis</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cross-validation: fold %1 of %2 done</source>
        <translation>Validation croisée&#xa0;: pli %1 sur %2 terminé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cross-validation: training %1 committees</source>
        <translation>Validation croisée&#xa0;: entraînement de %1 comités</translation>
    </message>
</context>
<context>
    <name>Boucle::CtSliceWriter</name>
    <message>
        <location filename="../core/imaging/ctslicewriter.cpp" line="+23"/>
        <source>%1: a CT slice needs rows × columns values</source>
        <translation>%1&#xa0;: une coupe de scanner demande lignes × colonnes valeurs</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 cannot be written (%2)</source>
        <translation>%1 ne peut pas être écrit (%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::CvatReader</name>
    <message>
        <location filename="../core/interop/cvatreader.cpp" line="+78"/>
        <location line="+11"/>
        <source>&lt;%1&gt; lacks the attribute %2</source>
        <translation>il manque l&apos;attribut %2 à &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre fini</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this is not XML (%1)</source>
        <translation>ce n&apos;est pas du XML (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the root element is &lt;%1&gt;; CVAT for images has &lt;annotations&gt;</source>
        <translation>l&apos;élément racine est &lt;%1&gt;&#xa0;; CVAT for images a &lt;annotations&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>version &apos;%1&apos;; Boucle reads CVAT for images 1.1</source>
        <translation>version «&#xa0;%1&#xa0;»&#xa0;; Boucle lit CVAT for images 1.1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading CVAT annotations</source>
        <translation>Lecture des annotations CVAT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this is not well-formed XML (%1)</source>
        <translation>ce n&apos;est pas du XML bien formé (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown label &apos;%1&apos;; &lt;meta&gt; does not list it</source>
        <translation>étiquette inconnue «&#xa0;%1&#xa0;»&#xa0;; &lt;meta&gt; ne la liste pas</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 is not a whole number of pixels from 1 to 1000000</source>
        <translation>%1 n&apos;est pas un nombre entier de pixels de 1 à 1000000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the image&apos;s name is empty</source>
        <translation>le nom de l&apos;image est vide</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&lt;%1&gt; shapes are not read by Boucle (box, polygon, points and tag are)</source>
        <translation>les formes &lt;%1&gt; ne sont pas lues par Boucle (box, polygon, points et tag le sont)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the label is empty</source>
        <translation>l&apos;étiquette est vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a second &lt;tag&gt; (&apos;%1&apos; after &apos;%2&apos;); Boucle keeps one label per image</source>
        <translation>un second &lt;tag&gt; («&#xa0;%1&#xa0;» après «&#xa0;%2&#xa0;»)&#xa0;; Boucle garde une étiquette par image</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>xbr %1 is left of xtl %2</source>
        <translation>xbr %1 est à gauche de xtl %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ybr %1 is above ytl %2</source>
        <translation>ybr %1 est au-dessus de ytl %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the box reaches beyond the %1×%2 image</source>
        <translation>la boîte dépasse de l&apos;image %1×%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;%1&apos; is not a point x,y of two finite numbers</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un point x,y de deux nombres finis</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is outside the %2×%3 image</source>
        <translation>%1 est hors de l&apos;image %2×%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 points; a polygon needs at least 3</source>
        <translation>%1 points&#xa0;; un polygone en demande au moins 3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no point</source>
        <translation>aucun point</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;attribute&gt; lacks the attribute name</source>
        <translation>il manque l&apos;attribut name à &lt;attribute&gt;</translation>
    </message>
</context>
<context>
    <name>Boucle::CvatWriter</name>
    <message>
        <location filename="../core/interop/cvatwriter.cpp" line="+91"/>
        <source>the size of %1 is unknown; CVAT files state it</source>
        <translation>la taille de %1 est inconnue&#xa0;; les fichiers CVAT l&apos;indiquent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 holds a mask; Boucle does not write CVAT masks</source>
        <translation>%1 contient un masque&#xa0;; Boucle n&apos;écrit pas de masques CVAT</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Writing CVAT annotations</source>
        <translation>Écriture des annotations CVAT</translation>
    </message>
</context>
<context>
    <name>Boucle::DashboardLoader</name>
    <message>
        <location filename="../ui/dashboard/dashboardloader.cpp" line="+84"/>
        <source>Reviewed %1, predicted %2</source>
        <translation>Revu %1, prédit %2</translation>
    </message>
</context>
<context>
    <name>Boucle::DashboardWidget</name>
    <message>
        <location filename="../ui/dashboard/dashboardwidget.cpp" line="+134"/>
        <source>Errors by class</source>
        <translation>Erreurs par classe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trigger yield</source>
        <translation>Rendement des déclencheurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reviewers</source>
        <translation>Relecteurs</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The loop</source>
        <translation>La boucle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Label noise</source>
        <translation>Bruit des étiquettes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IoU threshold</source>
        <translation>Seuil d&apos;IoU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A prediction is a true positive when it overlaps a reviewed object of its class by at least this intersection over union</source>
        <translation>Une prédiction est un vrai positif lorsqu&apos;elle recouvre un objet revu de sa classe avec au moins cette intersection sur union</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click a true positive, false positive or miss count to list its samples.</source>
        <translation>Cliquez sur un nombre de vrais positifs, de faux positifs ou d&apos;oublis pour en lister les échantillons.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detector</source>
        <translation>Détecteur</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Predicted label (model)</source>
        <translation>Étiquette prédite (modèle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewed label (truth)</source>
        <translation>Étiquette revue (vérité)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rows: reviewed label. Columns: prediction. Click a cell (or press Enter on it) to list its samples.</source>
        <translation>Lignes&#xa0;: étiquette revue. Colonnes&#xa0;: prédiction. Cliquez sur une case (ou Entrée) pour en lister les échantillons.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Colour: share of the row&apos;s samples (of the reviewed label)</source>
        <translation>Couleur&#xa0;: part des échantillons de la ligne (de l&apos;étiquette revue)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0 %</source>
        <translation>0&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100 %</source>
        <translation>100&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed (diagonal)</source>
        <translation>En accord (diagonale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confused (off the diagonal)</source>
        <translation>Confondus (hors diagonale)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reviewed %1, predicted %2</source>
        <translation>Revu %1, prédit %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+68"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset version</source>
        <translation>Version du jeu de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>Relecteur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bins</source>
        <translation>Intervalles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading reviews…</source>
        <translation>Lecture des revues…</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n reviewed sample(s), model error %1 %</source>
        <translation>
            <numerusform>%n échantillon revu, erreur du modèle %1&#xa0;%</numerusform>
            <numerusform>%n échantillons revus, erreur du modèle %1&#xa0;%</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No reviewed sample yet.</source>
        <translation>Aucun échantillon revu pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers: samples in the cell, from 0 (empty cell) to %1.</source>
        <translation>Nombres&#xa0;: échantillons de la case, de 0 (case vide) à %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reviewed %1, predicted %2: %3 samples (%4 % of the row)</source>
        <translation>Revu %1, prédit %2&#xa0;: %3 échantillons (%4&#xa0;% de la ligne)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No estimate of label noise: %1</source>
        <translation>Pas d’estimation du bruit des étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version %1: %2 labels checked against %3. About %4 labels are estimated wrong; %5 suspect(s). The columns p(· | true c) give, for each true class c, the estimated share of its samples labelled as the row&apos;s class.</source>
        <translation>Version %1&#xa0;: %2 étiquettes vérifiées avec %3. Environ %4 étiquettes sont estimées fausses&#xa0;; %5 suspecte(s). Les colonnes p(· | vraie c) donnent, pour chaque vraie classe c, la part estimée de ses échantillons étiquetés comme la classe de la ligne.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Labelled as</source>
        <translation>Étiquetée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estimated errors</source>
        <translation>Erreurs estimées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspects</source>
        <translation>Suspectes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p(· | true %1)</source>
        <translation>p(· | vraie %1)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Found wrong</source>
        <translation>Trouvés erronés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Control samples</source>
        <translation>Échantillons témoins</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of flagged samples found wrong</source>
        <translation>Part des échantillons signalés trouvés erronés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found wrong (% of its reviewed samples)</source>
        <translation>Trouvés faux (% de ses échantillons revus)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reliability (expected calibration error %1 %)</source>
        <translation>Fiabilité (erreur de calibration attendue %1&#xa0;%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Mean confidence</source>
        <translation>Confiance moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model confidence (bin)</source>
        <translation>Confiance du modèle (tranche)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy and mean confidence (%)</source>
        <translation>Exactitude et confiance moyenne (%)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model versions on the same %1 reviewed samples</source>
        <translation>Versions du modèle sur les mêmes échantillons revus (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model version</source>
        <translation>Version du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy on the reviewed samples (%)</source>
        <translation>Exactitude sur les échantillons revus (%)</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n reviewed detection sample(s), %1 corrected by reviewers, %2 left out until every predicted object is decided. Each prediction, by descending score, takes the unmatched reviewed object of its class with the best IoU of at least %3.</source>
        <translation>
            <numerusform>%n échantillon de détection revu, %1 corrigés par les relecteurs, %2 exclus jusqu&apos;à ce que chaque objet prédit soit décidé. Chaque prédiction, par score décroissant, prend l&apos;objet revu non apparié de sa classe ayant la meilleure IoU d&apos;au moins %3.</numerusform>
            <numerusform>%n échantillons de détection revus, %1 corrigés par les relecteurs, %2 exclus jusqu&apos;à ce que chaque objet prédit soit décidé. Chaque prédiction, par score décroissant, prend l&apos;objet revu non apparié de sa classe ayant la meilleure IoU d&apos;au moins %3.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed objects</source>
        <translation>Objets revus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted</source>
        <translation>Prédits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True positives</source>
        <translation>Vrais positifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positives</source>
        <translation>Faux positifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misses</source>
        <translation>Objets manqués</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision (95 %)</source>
        <translation>Précision (95&#xa0;%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall (95 %)</source>
        <translation>Rappel (95&#xa0;%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean IoU</source>
        <translation>IoU moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP at IoU %1</source>
        <translation>AP à IoU %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP at IoU 0.50</source>
        <translation>AP à IoU 0.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP at IoU 0.50:0.95</source>
        <translation>AP à IoU 0.50:0.95</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1: %n sample(s) with a true positive</source>
        <translation>
            <numerusform>%1&#xa0;: %n échantillon avec un vrai positif</numerusform>
            <numerusform>%1&#xa0;: %n échantillons avec un vrai positif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n sample(s) with a false positive</source>
        <translation>
            <numerusform>%1&#xa0;: %n échantillon avec un faux positif</numerusform>
            <numerusform>%1&#xa0;: %n échantillons avec un faux positif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n sample(s) with a missed object</source>
        <translation>
            <numerusform>%1&#xa0;: %n échantillon avec un objet manqué</numerusform>
            <numerusform>%1&#xa0;: %n échantillons avec un objet manqué</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::DashboardWindow</name>
    <message>
        <location filename="../ui/dashboard/dashboardwindow.cpp" line="+18"/>
        <source>Audit dashboard — %1</source>
        <translation>Tableau de bord d&apos;audit — %1</translation>
    </message>
</context>
<context>
    <name>Boucle::DataRootFile</name>
    <message>
        <location filename="../core/ingest/datarootfile.cpp" line="+30"/>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a FIFO (named pipe)</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a socket</source>
        <translation>une socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>&apos;%1&apos; leads to %2, outside the data root %3 (symbolic links must stay inside it)</source>
        <translation>«&#xa0;%1&#xa0;» mène à %2, hors de la racine des données %3 (les liens symboliques doivent y rester)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&apos;%1&apos; is the project&apos;s own database file</source>
        <translation>«&#xa0;%1&#xa0;» est le fichier de base de données du projet lui-même</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is %2, not a regular file</source>
        <translation>«&#xa0;%1&#xa0;» est %2, pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is %2 GiB; sample and heatmap files are limited to %3 GiB</source>
        <translation>«&#xa0;%1&#xa0;» fait %2&#xa0;Gio&#xa0;; les fichiers d’échantillon et de carte de chaleur sont limités à %3&#xa0;Gio</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+57"/>
        <location line="+11"/>
        <source>&apos;%1&apos; cannot be opened: %2</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être ouvert&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>it is %1 GiB, over the %2 GiB limit</source>
        <translation>il fait %1 Gio, au-delà de la limite de %2 Gio</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the file does not exist</source>
        <translation>le fichier n’existe pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the file (%1)</source>
        <translation>impossible de lire le fichier (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this is %1, not a regular file</source>
        <translation>c’est %1, pas un fichier ordinaire</translation>
    </message>
</context>
<context>
    <name>Boucle::DatasetLoader</name>
    <message>
        <location filename="../core/learning/datasetloader.cpp" line="+20"/>
        <source>%1 is missing; install the Debian package opencv-doc (it ships this data set)</source>
        <translation>%1 est absent&#xa0;; installez le paquet Debian opencv-doc (il fournit ce jeu de données)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is not the 2000x1000 digit sheet of opencv-doc</source>
        <translation>%1 n&apos;est pas la planche de chiffres 2000x1000 d&apos;opencv-doc</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1, line %2: expected a letter A-Z and 16 numbers separated by commas</source>
        <translation>%1, ligne %2&#xa0;: attendu une lettre A-Z et 16 nombres séparés par des virgules</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, line %2, field %3: &apos;%4&apos; is not a number</source>
        <translation>%1, ligne %2, champ %3&#xa0;: «&#xa0;%4&#xa0;» n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 holds no samples</source>
        <translation>%1 ne contient aucun échantillon</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown data set &apos;%1&apos; (expected digits or letters)</source>
        <translation>jeu de données «&#xa0;%1&#xa0;» inconnu (attendu&#xa0;: digits ou letters)</translation>
    </message>
</context>
<context>
    <name>Boucle::DecisionBar</name>
    <message>
        <location filename="../ui/panels/decisionbar.cpp" line="+27"/>
        <source>&amp;Class:</source>
        <translation>&amp;Classe&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type to search</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mmentaire&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why (required to override when the project says so)</source>
        <translation>Pourquoi (obligatoire pour corriger si le projet l&apos;exige)</translation>
    </message>
</context>
<context>
    <name>Boucle::DeidentifiedExport</name>
    <message>
        <location filename="../core/interop/deidentifiedexport.cpp" line="+21"/>
        <source>wrote %1 de-identified DICOM files of version %2 to %3 (patients: %4, objects: %5)</source>
        <translation>%1 fichiers DICOM désidentifiés de la version %2 écrits dans %3 (patients&#xa0;: %4, objets&#xa0;: %5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (%1 samples left out: not DICOM images)</source>
        <translation> (%1 échantillons laissés de côté&#xa0;: pas des images DICOM)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (%1 files may have text burned into their pixels)</source>
        <translation> (%1 fichiers ont peut-être du texte incrusté dans leurs pixels)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is the project file or one of its SQLite files; choose another output</source>
        <translation>%1 est le fichier du projet ou l&apos;un de ses fichiers SQLite&#xa0;; choisissez une autre sortie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the pseudonym prefix &apos;%1&apos; may hold up to 32 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>le préfixe de pseudonyme «&#xa0;%1&#xa0;» peut contenir jusqu&apos;à 32 lettres, chiffres, espaces, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>De-identifying the DICOM files of version %1</source>
        <translation>Désidentification des fichiers DICOM de la version %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: not an image (%2)</source>
        <translation>%1&#xa0;: pas une image (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: the file is missing</source>
        <translation>Impossible de lire %1&#xa0;: le fichier est absent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not a DICOM file</source>
        <translation>%1&#xa0;: pas un fichier DICOM</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: a DICOMDIR (import its images as samples to export them)</source>
        <translation>%1&#xa0;: un DICOMDIR (importez ses images comme échantillons pour les exporter)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>version %1 has no DICOM image to export</source>
        <translation>la version %1 n&apos;a aucune image DICOM à exporter</translation>
    </message>
</context>
<context>
    <name>Boucle::DemoDocuments</name>
    <message>
        <location filename="../core/documents/demodocuments.cpp" line="+321"/>
        <location line="+298"/>
        <source>the PDF cannot be written</source>
        <translation>le PDF ne peut pas être écrit</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>drawing documents needs a QGuiApplication (fonts); run with QT_QPA_PLATFORM=offscreen when there is no display</source>
        <translation>dessiner des documents demande une QGuiApplication (polices)&#xa0;; lancez avec QT_QPA_PLATFORM=offscreen s&apos;il n&apos;y a pas d&apos;écran</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the folder cannot be created</source>
        <translation>le dossier ne peut pas être créé</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Drawing %1</source>
        <translation>Dessin de %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the page image cannot be written</source>
        <translation>l&apos;image de la page ne peut pas être écrite</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the degraded copy cannot be written</source>
        <translation>la copie dégradée ne peut pas être écrite</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the note cannot be written</source>
        <translation>la note ne peut pas être écrite</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading %1 with Tesseract (%2 of %3)</source>
        <translation>Lecture de %1 avec Tesseract (%2 sur %3)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>OCR was not asked for</source>
        <translation>l&apos;OCR n&apos;a pas été demandée</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Report page %1 of %2</source>
        <translation>Page %1 sur %2 du rapport</translation>
    </message>
</context>
<context>
    <name>Boucle::DemoMaterial</name>
    <message>
        <location filename="../core/learning/demomaterial.cpp" line="+27"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>unknown data set &apos;%1&apos; (expected digits or letters)</source>
        <translation>jeu de données «&#xa0;%1&#xa0;» inconnu (attendu&#xa0;: digits ou letters)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading %1</source>
        <translation>Chargement de %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1 sample files</source>
        <translation>Écriture de %1 fichiers d&apos;échantillons</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Writing the prediction log</source>
        <translation>Écriture du journal de prédictions</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Demo material ready in %1</source>
        <translation>Matériel de démonstration prêt dans %1</translation>
    </message>
</context>
<context>
    <name>Boucle::DemoProject</name>
    <message>
        <location filename="../core/loop/demoproject.cpp" line="+68"/>
        <source>%1 already holds a demo project</source>
        <translation>%1 contient déjà un projet de démonstration</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Importing the seed labels</source>
        <translation>Import des étiquettes initiales</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seed labels (%1 samples)</source>
        <translation>Étiquettes initiales (%1 échantillons)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importing the committee&apos;s predictions</source>
        <translation>Import des prédictions du comité</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../core/loop/demoproject_detection.cpp" line="+77"/>
        <source>Flagging the first batch</source>
        <translation>Signalement du premier lot</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Loop 1</source>
        <translation>Boucle 1</translation>
    </message>
    <message>
        <location line="+99"/>
        <location filename="../core/loop/demoproject_detection.cpp" line="+3"/>
        <source>Demo ready</source>
        <translation>Démonstration prête</translation>
    </message>
    <message>
        <location filename="../core/loop/demoproject_detection.cpp" line="-23"/>
        <source>Importing the detector&apos;s boxes</source>
        <translation>Importation des boîtes du détecteur</translation>
    </message>
</context>
<context>
    <name>Boucle::DetectionAuditQuery</name>
    <message>
        <location filename="../core/store/detectioncandidatereader.cpp" line="+23"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the detection samples</source>
        <translation>Lecture des échantillons de détection</translation>
    </message>
    <message>
        <location filename="../core/report/detectionauditquery.cpp" line="+114"/>
        <location filename="../core/store/detectioncandidatereader.cpp" line="-1"/>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no batch named &apos;%1&apos; in %2</source>
        <translation>aucun lot nommé «&#xa0;%1&#xa0;» dans %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no model %1 in %2 (expected NAME@VERSION)</source>
        <translation>aucun modèle %1 dans %2 (attendu&#xa0;: NOM@VERSION)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no dataset version %1 in %2</source>
        <translation>aucune version %1 du jeu de données dans %2</translation>
    </message>
</context>
<context>
    <name>Boucle::DetectionDemo</name>
    <message>
        <location filename="../core/learning/detectiondemo.cpp" line="+33"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>the detection demo needs at least one canvas and one training digit per class</source>
        <translation>la démonstration de détection demande au moins un canevas et un chiffre d&apos;entraînement par classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the digits</source>
        <translation>Chargement des chiffres</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training the digit detector</source>
        <translation>Entraînement du détecteur de chiffres</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Detecting digits on canvas %1 of %2</source>
        <translation>Détection des chiffres sur le canevas %1 sur %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the detector found no digit-like window on %1</source>
        <translation>le détecteur n&apos;a trouvé aucune fenêtre ressemblant à un chiffre sur %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Writing the prediction log and the true boxes</source>
        <translation>Écriture du journal de prédictions et des boîtes réelles</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Detection demo ready in %1</source>
        <translation>Démonstration de détection prête dans %1</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomAttributes</name>
    <message>
        <location filename="../core/imaging/dicomattributes.cpp" line="+38"/>
        <source>&lt;%1 bytes&gt;</source>
        <translation>&lt;%1&#xa0;octets&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n&#xa0;élément</numerusform>
            <numerusform>%n&#xa0;éléments</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;compressed frames&gt;</source>
        <translation>&lt;images compressées&gt;</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomCodecs</name>
    <message>
        <location filename="../core/imaging/dicomcodecs.cpp" line="+26"/>
        <source>DCMTK&apos;s DICOM data dictionary is not installed (Debian package libdcmtk17)</source>
        <translation>le dictionnaire de données DICOM de DCMTK n&apos;est pas installé (paquet Debian libdcmtk17)</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomDeidentifier</name>
    <message>
        <location filename="../core/interop/dicomdeidentifier.cpp" line="+25"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>it is not a DICOM file (no &quot;DICM&quot; marker at byte 128)</source>
        <translation>ce n&apos;est pas un fichier DICOM (pas de marque «&#xa0;DICM&#xa0;» à l&apos;octet 128)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the DICOM data is damaged or the file is truncated (%1)</source>
        <translation>les données DICOM sont endommagées ou le fichier est tronqué (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the attribute SOPInstanceUID (0008,0018) is missing</source>
        <translation>l&apos;attribut SOPInstanceUID (0008,0018) est absent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 says text is burned into its pixels (Burned In Annotation (0028,0301) is YES): it may show the patient&apos;s name or other identifying text, which de-identification does not remove</source>
        <translation>%1 indique du texte incrusté dans ses pixels (Burned In Annotation (0028,0301) vaut YES)&#xa0;: il peut montrer le nom du patient ou un autre texte identifiant, que la désidentification ne retire pas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not say whether text is burned into its pixels (Burned In Annotation (0028,0301) is absent), and %2 images often have some: check it before sharing</source>
        <translation>%1 ne dit pas si du texte est incrusté dans ses pixels (Burned In Annotation (0028,0301) est absent), et les images %2 en ont souvent&#xa0;: vérifiez-le avant de le partager</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot write the de-identified copy of %1 to %2: %3</source>
        <translation>Impossible d&apos;écrire la copie désidentifiée de %1 dans %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomFile</name>
    <message>
        <location filename="../core/imaging/dicomfile.cpp" line="+72"/>
        <source>it is a DICOMDIR, a list of files, not an image; open it as a series</source>
        <translation>c&apos;est un DICOMDIR, une liste de fichiers, pas une image&#xa0;; ouvrez-le comme une série</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the file is not open</source>
        <translation>le fichier n&apos;est pas ouvert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it has no frame %1 (it has %2)</source>
        <translation>il n&apos;a pas d&apos;image %1 (il en a %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>its colour pixels cannot be decoded (%1)</source>
        <translation>ses pixels en couleur ne peuvent pas être décodés (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its colour pixels cannot be decoded</source>
        <translation>ses pixels en couleur ne peuvent pas être décodés</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+44"/>
        <source>there is not enough memory for its pixels</source>
        <translation>la mémoire ne suffit pas pour ses pixels</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>the attribute PixelData (7FE0,0010) is missing</source>
        <translation>l&apos;attribut PixelData (7FE0,0010) est absent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the size of a frame cannot be worked out from its attributes</source>
        <translation>la taille d&apos;une image ne peut pas être déduite de ses attributs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a frame takes %1 bytes, fewer than its %2 × %3 pixels need</source>
        <translation>une image occupe %1&#xa0;octets, moins que ses %2&#xa0;×&#xa0;%3&#xa0;pixels ne demandent</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>frame %1 cannot be decoded: the pixel data is damaged or truncated (%2)</source>
        <translation>l&apos;image %1 ne peut pas être décodée&#xa0;: les données de pixels sont endommagées ou tronquées (%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomHeader</name>
    <message>
        <location filename="../core/imaging/dicomheader.cpp" line="+102"/>
        <source>the file&apos;s window is shown instead</source>
        <translation>la fenêtre du fichier est affichée à la place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the image is shown without it</source>
        <translation>l’image est affichée sans elle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the VOI LUT is not applied: the attribute %2 of the VOI LUT Sequence (0028,3010) %3; %4.</source>
        <translation>%1&#xa0;: la VOI LUT n’est pas appliquée&#xa0;: l’attribut %2 de la VOI LUT Sequence (0028,3010) %3&#xa0;; %4.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is missing or does not hold three numbers</source>
        <translation>manque ou ne contient pas trois nombres</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>says %1 bits an entry; Boucle reads 8 to 16</source>
        <translation>indique %1 bits par entrée&#xa0;; Boucle lit de 8 à 16</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is missing or empty</source>
        <translation>manque ou est vide</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>holds %1 entries, but the LUT Descriptor (0028,3002) says %2</source>
        <translation>contient %1 entrées, mais le LUT Descriptor (0028,3002) en indique %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>holds the entry %1, more than %2 bits can hold</source>
        <translation>contient l’entrée %1, plus que %2 bits ne peuvent contenir</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it is not a DICOM file (no &quot;DICM&quot; marker at byte 128)</source>
        <translation>ce n&apos;est pas un fichier DICOM (pas de marque «&#xa0;DICM&#xa0;» à l&apos;octet 128)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the DICOM data is damaged or the file is truncated (%1)</source>
        <translation>les données DICOM sont endommagées ou le fichier est tronqué (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>it holds no DICOM data set</source>
        <translation>il ne contient pas de jeu de données DICOM</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the attribute %1 is missing</source>
        <translation>l&apos;attribut %1 est absent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the attribute %1 %2</source>
        <translation>l&apos;attribut %1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>holds floating-point pixels, which Boucle does not read</source>
        <translation>contient des pixels à virgule flottante, que Boucle ne lit pas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is %1; an image needs at least one row</source>
        <translation>vaut %1&#xa0;; une image a au moins une ligne</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is %1; an image needs at least one column</source>
        <translation>vaut %1&#xa0;; une image a au moins une colonne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is &quot;%1&quot;, not a number of frames</source>
        <translation>vaut «&#xa0;%1&#xa0;», qui n&apos;est pas un nombre d&apos;images</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>is &quot;%1&quot;, which Boucle does not show</source>
        <translation>vaut «&#xa0;%1&#xa0;», que Boucle n&apos;affiche pas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is %1, but %2 images have %3</source>
        <translation>vaut %1, mais les images %2 en ont %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>is %1; Boucle reads 8- and 16-bit pixels</source>
        <translation>vaut %1&#xa0;; Boucle lit les pixels de 8 et 16&#xa0;bits</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is %1 with %2 bits allocated</source>
        <translation>vaut %1 pour %2&#xa0;bits alloués</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is %1 with %2 bits stored of %3 allocated</source>
        <translation>vaut %1 pour %2&#xa0;bits enregistrés sur %3 alloués</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is %1; it must be 0 or 1</source>
        <translation>vaut %1&#xa0;; il doit valoir 0 ou 1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>is &quot;%1&quot;, not a non-zero number</source>
        <translation>vaut «&#xa0;%1&#xa0;», qui n&apos;est pas un nombre non nul</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is &quot;%1&quot;, not a number</source>
        <translation>vaut «&#xa0;%1&#xa0;», qui n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>holds %1 bytes, fewer than the %2 bytes that %3 × %4 pixels × %5 frames need</source>
        <translation>contient %1&#xa0;octets, moins que les %2&#xa0;octets que demandent %3&#xa0;×&#xa0;%4&#xa0;pixels&#xa0;×&#xa0;%5&#xa0;images</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its pixels are compressed as %1, which Boucle does not decode (it reads JPEG, JPEG-LS and RLE)</source>
        <translation>ses pixels sont compressés en %1, que Boucle ne décode pas (il lit JPEG, JPEG-LS et RLE)</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomHeaderDialog</name>
    <message>
        <location filename="../ui/dialogs/dicomheaderdialog.cpp" line="+21"/>
        <source>DICOM header</source>
        <translation>En-tête DICOM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter: tag, keyword or value (e.g. 0028, Window, CT)</source>
        <translation>Filtre&#xa0;: balise, mot-clé ou valeur (p. ex. 0028, Window, CT)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>Boucle::DicomSeries</name>
    <message>
        <location filename="../core/imaging/dicomseries.cpp" line="+50"/>
        <source>the attribute DirectoryRecordSequence (0004,1220) is missing</source>
        <translation>l&apos;attribut DirectoryRecordSequence (0004,1220) est absent</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the DICOMDIR lists no image</source>
        <translation>le DICOMDIR ne liste aucune image</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 (%n file(s))</source>
        <translation>
            <numerusform>%1 (%n&#xa0;fichier)</numerusform>
            <numerusform>%1 (%n&#xa0;fichiers)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no Series Instance UID</source>
        <translation>sans Series Instance UID</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Cannot read %1: the folder holds no file</source>
        <translation>Impossible de lire %1&#xa0;: le dossier ne contient aucun fichier</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot read %1: it holds no DICOM image%2</source>
        <translation>Impossible de lire %1&#xa0;: il ne contient aucune image DICOM%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read %1 as one series: it holds %2 series: %3</source>
        <translation>Impossible de lire %1 comme une seule série&#xa0;: il contient %2&#xa0;séries&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: it holds no series %2 (it holds %3)</source>
        <translation>Impossible de lire %1&#xa0;: il ne contient pas de série %2 (il contient %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: another series (%2)</source>
        <translation>%1&#xa0;: une autre série (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot read %1 as one series: %2 is %3 × %4 %5, but %6 is %7 × %8 %9</source>
        <translation>Impossible de lire %1 comme une seule série&#xa0;: %2 est en %3&#xa0;×&#xa0;%4 %5, mais %6 est en %7&#xa0;×&#xa0;%8 %9</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Cannot read %1: it has no slice %2 (it has %3)</source>
        <translation>Impossible de lire %1&#xa0;: il n&apos;a pas de coupe %2 (il en a %3)</translation>
    </message>
</context>
<context>
    <name>Boucle::DocumentPredictionLog</name>
    <message>
        <location filename="../core/documents/documentpredictionlog.cpp" line="+86"/>
        <location line="+5"/>
        <source>the log cannot be written (%1)</source>
        <translation>le journal ne peut pas être écrit (%1)</translation>
    </message>
</context>
<context>
    <name>Boucle::DocumentReviewPane</name>
    <message>
        <location filename="../ui/documentview/documentreviewpane.cpp" line="+26"/>
        <location line="+340"/>
        <source>approved</source>
        <translation>approbation enregistrée</translation>
    </message>
    <message>
        <location line="-338"/>
        <location line="+351"/>
        <source>corrected</source>
        <translation>correction enregistrée</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+357"/>
        <source>relabelled</source>
        <translation>réétiquetage enregistré</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>Span %1</source>
        <translation>Segment %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box %1</source>
        <translation>Boîte %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Recognised text (T to edit, Return to store)</source>
        <translation>Texte reconnu (T pour modifier, Entrée pour enregistrer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The object&apos;s label (L to edit, Return to store)</source>
        <translation>L&apos;étiquette de l&apos;objet (L pour modifier, Entrée pour enregistrer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+293"/>
        <location line="+7"/>
        <location line="+13"/>
        <location line="+8"/>
        <source>no object is selected</source>
        <translation>aucun objet n&apos;est sélectionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed as a false positive</source>
        <translation>retiré comme faux positif</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+15"/>
        <source>no document is shown</source>
        <translation>aucun document n&apos;est affiché</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The remaining objects are approved and the document is decided (Ctrl+Z undoes).</source>
        <translation>Les objets restants sont approuvés et le document est décidé (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the missed object&apos;s class first (1–9, or / to search), then draw it again.</source>
        <translation>Choisissez d&apos;abord la classe de l&apos;objet manqué (1–9, ou / pour chercher), puis dessinez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 %2 (Ctrl+Z undoes).</source>
        <translation>%1&#xa0;: %2 (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No low-confidence object after it: A, O, R, S, E decide the document now.</source>
        <translation>Plus aucun objet à faible confiance après celui-ci&#xa0;: A, O, R, S, E agissent maintenant sur le document entier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No low-confidence object after it: A approves the objects left and decides the document; S skips it, E escalates it.</source>
        <translation>Plus d&apos;objet peu sûr après celui-ci&#xa0;: A approuve les objets restants et décide le document&#xa0;; S le passe, E le transmet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Blind review: the objects show after your own answer.</source>
        <translation>Revue en aveugle&#xa0;: les objets s&apos;affichent après votre propre réponse.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Whole document · %n object(s)</source>
        <translation>
            <numerusform>Document entier · %n objet</numerusform>
            <numerusform>Document entier · %n objets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 decided, %2 low-confidence</source>
        <translation>, %1 décidés, %2 à faible confiance</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n added</source>
        <translation>
            <numerusform>, %n ajouté</numerusform>
            <numerusform>, %n ajoutés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>. ] selects the next one to check; A approves the document&apos;s label “%1”; O, R, S, E decide the whole document; on the page, B draws a missed box and Shift+A approves the rest.</source>
        <translation>. ] choisit le suivant à vérifier&#xa0;; A approuve l&apos;étiquette du document «&#xa0;%1&#xa0;»&#xa0;; O, R, S, E décident tout le document&#xa0;; sur la page, B trace une boîte oubliée et Maj+A approuve le reste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>. ] selects the next one to check; A approves every object left and decides the document; S skips it, E escalates it; on the page, B draws a missed box.</source>
        <translation>. ] choisit le suivant à vérifier&#xa0;; A approuve tous les objets restants et décide le document&#xa0;; S le passe, E le transmet&#xa0;; sur la page, B trace une boîte oubliée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not decided yet</source>
        <translation>pas encore de décision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 · %3 · score %4 · %5</source>
        <translation>%1 sur %2 · %3 · score %4 · %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>edited: O stores it</source>
        <translation>modifié&#xa0;: O l&apos;enregistre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A approves, O stores the corrections, R relabels, Esc returns to the document.</source>
        <translation>A approuve, O enregistre les corrections, R réétiquette, Échap revient au document.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Extent %1–%2 “%3”</source>
        <translation>Étendue %1–%2 «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(predicted %1–%2)</source>
        <translation>(prédiction&#xa0;: %1–%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::DocumentView</name>
    <message>
        <location filename="../ui/documentview/documentview.cpp" line="+134"/>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit page</source>
        <translation>Ajuster à la page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual size (1:1)</source>
        <translation>Taille réelle (1:1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+71"/>
        <location line="+282"/>
        <source>the page image cannot be read (%1)</source>
        <translation>l&apos;image de la page ne peut pas être lue (%1)</translation>
    </message>
    <message>
        <location line="-274"/>
        <source>no page images</source>
        <translation>aucune image de page</translation>
    </message>
    <message>
        <location line="+289"/>
        <source>Rendering page %1…</source>
        <translation>Rendu de la page %1…</translation>
    </message>
    <message>
        <location line="+267"/>
        <source>No document</source>
        <translation>Aucun document</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Page %1 of %2 · %3 % · %n object(s)</source>
        <translation>
            <numerusform>Page %1 sur %2 · %3&#xa0;% · %n objet</numerusform>
            <numerusform>Page %1 sur %2 · %3&#xa0;% · %n objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %n below %1</source>
        <translation>
            <numerusform>, %n sous %1</numerusform>
            <numerusform>, %n sous %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="-749"/>
        <source>the format is unknown or the data is damaged</source>
        <translation>le format est inconnu ou les données sont endommagées</translation>
    </message>
</context>
<context>
    <name>Boucle::DoubleReviewDialog</name>
    <message>
        <location filename="../ui/dialogs/doublereviewdialog.cpp" line="+20"/>
        <source>Double review</source>
        <translation>Double relecture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Items chosen here get a second, independent answer from another reviewer, who does not see the first one. Answers that agree become the label; a disagreement or an escalation goes to the adjudication queue, where the adjudicator&apos;s decision becomes the label. Every answer is kept.</source>
        <translation>Les éléments choisis ici reçoivent une seconde réponse, indépendante, d&apos;un autre relecteur qui ne voit pas la première. Des réponses concordantes deviennent l&apos;étiquette&#xa0;; un désaccord ou une transmission à un expert part dans la file d&apos;arbitrage, où la décision de l&apos;arbitre devient l&apos;étiquette. Toutes les réponses sont conservées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same items are chosen on every machine: the choice follows each item&apos;s number.</source>
        <translation>Les mêmes éléments sont choisis sur chaque machine&#xa0;: le choix dépend du numéro de chaque élément.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of all items:</source>
        <translation>Part de tous les éléments&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every item of these classes
(predicted or answered):</source>
        <translation>Tous les éléments de ces classes
(en prédiction ou en réponse)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Boucle::ExportDialog</name>
    <message>
        <location filename="../ui/dialogs/exportdialog.cpp" line="+37"/>
        <source>The labels of a &amp;version</source>
        <translation>Les étiquettes d&apos;une &amp;version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The predictions of a &amp;batch (pre-annotations)</source>
        <translation>Les prédictions d&apos;un &amp;lot (pré-annotations)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De-identify &amp;DICOM (Basic Profile)</source>
        <translation>Désidentifier les &amp;DICOM (profil de base)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>v%1 — %2 labelled samples — %3</source>
        <translation>v%1 — %2 échantillons étiquetés — %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2 items)</source>
        <translation>%1 (%2 éléments)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write:</source>
        <translation>Écrire&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ba&amp;tch:</source>
        <translation>Lo&amp;t&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boucle JSON Lines</source>
        <translation>Boucle JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (sample,label)</source>
        <translation>CSV (sample,label)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>YOLO (folder: images/, labels/, data.yaml)</source>
        <translation>YOLO (dossier&#xa0;: images/, labels/, data.yaml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pascal VOC (folder of XML files)</source>
        <translation>Pascal VOC (dossier de fichiers XML)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>labelme (folder of JSON files)</source>
        <translation>labelme (dossier de fichiers JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ImageFolder (folder of class folders)</source>
        <translation>ImageFolder (dossier de dossiers de classes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ImageFolder as CSV (path,label)</source>
        <translation>ImageFolder en CSV (path,label)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes the version&apos;s DICOM samples as case-0001.dcm, … with DICOM PS3.15&apos;s Basic Profile applied (names, IDs, dates and UIDs removed or replaced), and their labels in labels.jsonl. Text burned into the pixels is not removed.</source>
        <translation>Écrit les échantillons DICOM de la version sous les noms case-0001.dcm, … en appliquant le profil de base de DICOM PS3.15 (noms, identifiants, dates et UID retirés ou remplacés), avec leurs étiquettes dans labels.jsonl. Le texte incrusté dans les pixels n&apos;est pas retiré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Patient&apos;s Name and Patient ID become this prefix and a number, one per patient</source>
        <translation>Patient&apos;s Name et Patient ID deviennent ce préfixe suivi d&apos;un numéro, un par patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pseudonym prefix:</source>
        <translation>Préfixe du &amp;pseudonyme&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export into</source>
        <translation>Exporter dans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export as</source>
        <translation>Exporter sous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Write to:</source>
        <translation>É&amp;crire dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>a folder (replaced whole)</source>
        <translation>un dossier (remplacé en entier)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a file</source>
        <translation>un fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A batch&apos;s predictions are written in an outside format (COCO results, Label Studio, …)</source>
        <translation>Les prédictions d&apos;un lot sont écrites dans un format externe (résultats COCO, Label Studio, …)</translation>
    </message>
</context>
<context>
    <name>Boucle::ExportSet</name>
    <message>
        <location filename="../core/interop/exportset.cpp" line="+49"/>
        <source>Gathering version %1</source>
        <translation>Rassemblement de la version %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+36"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>the batch has no items</source>
        <translation>le lot ne contient aucun élément</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gathering the batch&apos;s predictions</source>
        <translation>Rassemblement des prédictions du lot</translation>
    </message>
</context>
<context>
    <name>Boucle::FlagReasonsPanel</name>
    <message>
        <location filename="../ui/panels/flagreasonspanel.cpp" line="+40"/>
        <location line="+179"/>
        <source>approved</source>
        <translation>a approuvé</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>overrode</source>
        <translation>a corrigé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>relabelled</source>
        <translation>a réétiqueté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>a passé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>escalated</source>
        <translation>a transmis à un expert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>undid a review</source>
        <translation>a annulé une revue</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No item selected.</source>
        <translation>Aucun élément sélectionné.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Item %1 · %2</source>
        <translation>Élément %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control sample</source>
        <translation>échantillon témoin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flagged</source>
        <translation>signalé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blind review</source>
        <translation>Revue en aveugle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The prediction, its confidence and the reasons are hidden until you give your own answer (keys 1–9 or the class picker).</source>
        <translation>La prédiction, sa confiance et les motifs restent masqués tant que vous n&apos;avez pas donné votre propre réponse (touches 1 à 9 ou sélecteur de classe).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your first answer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Votre première réponse&#xa0;: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why it was flagged</source>
        <translation>Pourquoi il a été signalé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No reason recorded.</source>
        <translation>Aucun motif enregistré.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Prediction: %1 (%2)</source>
        <translation>Prédiction&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Committee</source>
        <translation>Comité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this model</source>
        <translation>ce modèle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Known truth: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Vérité connue&#xa0;: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User report: %1</source>
        <translation>Signalement utilisateur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never reviewed.</source>
        <translation>Jamais revu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>object %1 (%2)</source>
        <translation>objet %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>working</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>objects: %1 by %2 (%3)</source>
        <translation>objets&#xa0;: %1 par %2 (%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>label %1 by %2 (%3)</source>
        <translation>étiquette %1 par %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>responsible</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewed</source>
        <translation>revu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · batch signed by &lt;b&gt;%2&lt;/b&gt; (%3) as %4</source>
        <translation>%1 · lot signé par &lt;b&gt;%2&lt;/b&gt; (%3) en tant que «&#xa0;%4&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Boucle::GridView</name>
    <message>
        <location filename="../ui/grid/gridcelldelegate.cpp" line="+107"/>
        <source>no preview</source>
        <translation>pas d&apos;aperçu</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(no label)</source>
        <translation>(sans étiquette)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grid/gridview.cpp" line="+671"/>
        <source>Approve %n selected</source>
        <translation>
            <numerusform>Approuver %n élément choisi</numerusform>
            <numerusform>Approuver les %n éléments choisis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+31"/>
        <source>Relabel %n selected as</source>
        <translation>
            <numerusform>Réétiqueter %n élément choisi en</numerusform>
            <numerusform>Réétiqueter les %n éléments choisis en</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-25"/>
        <source>Skip %n selected</source>
        <translation>
            <numerusform>Passer %n élément choisi</numerusform>
            <numerusform>Passer les %n éléments choisis</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open in the single view</source>
        <translation>Ouvrir dans la vue d&apos;un échantillon</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select items first</source>
        <translation>Choisissez d&apos;abord des éléments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This project has no classes</source>
        <translation>Ce projet n&apos;a pas de classes</translation>
    </message>
</context>
<context>
    <name>Boucle::HeatmapField</name>
    <message>
        <location filename="../core/imaging/heatmap.cpp" line="+56"/>
        <source>The heatmap has %1 values for a %2 x %3 grid.</source>
        <translation>La carte de chaleur a %1 valeurs pour une grille %2 x %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the heatmap %1: %2</source>
        <translation>Impossible de lire la carte de chaleur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Cannot read the heatmap %1: a heatmap image must be grey, this one has colours</source>
        <translation>Impossible de lire la carte de chaleur %1&#xa0;: une image de carte de chaleur doit être en niveaux de gris, celle-ci est en couleur</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>a heatmap must be a PNG or a .npy array, this is %1</source>
        <translation>une carte de chaleur doit être un PNG ou un tableau .npy, ceci est un %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is neither a .npy array nor an image Boucle reads</source>
        <translation>ce n&apos;est ni un tableau .npy ni une image que Boucle sait lire</translation>
    </message>
</context>
<context>
    <name>Boucle::HeatmapFile</name>
    <message>
        <location filename="../core/learning/heatmapfile.cpp" line="+28"/>
        <source>cannot write %1: a heatmap must be a 2-D single-channel array</source>
        <translation>impossible d&apos;écrire %1&#xa0;: une carte de chaleur doit être un tableau 2D à un seul canal</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a readable .npy heatmap: %2</source>
        <translation>%1 n&apos;est pas une carte de chaleur .npy lisible&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no NumPy signature</source>
        <translation>pas de signature NumPy</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+11"/>
        <source>truncated header</source>
        <translation>en-tête tronqué</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>unknown format version %1</source>
        <translation>version de format %1 inconnue</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the header lacks descr, fortran_order or a 2-D shape</source>
        <translation>l&apos;en-tête n&apos;a pas de descr, de fortran_order ou de forme 2D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fortran order is not supported</source>
        <translation>l&apos;ordre Fortran n&apos;est pas pris en charge</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>element type %1 is not float32, float16 or uint8</source>
        <translation>le type d&apos;élément %1 n&apos;est ni float32, ni float16, ni uint8</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <source>the data is shorter than its shape says</source>
        <translation>les données sont plus courtes que ne l&apos;indique leur forme</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>the shape is empty</source>
        <translation>la forme est vide</translation>
    </message>
</context>
<context>
    <name>Boucle::HeatmapLegend</name>
    <message>
        <location filename="../ui/sampleview/heatmaplegend.cpp" line="+34"/>
        <source>This sample has no heatmap.</source>
        <translation>Cet échantillon n&apos;a pas de carte de chaleur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The heatmap shows where the model found evidence for class %1: low on the left of the bar, high on the right.</source>
        <translation>La carte de chaleur montre où le modèle a trouvé des indices de la classe %1&#xa0;: faibles à gauche de la barre, forts à droite.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no heatmap</source>
        <translation>pas de carte de chaleur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence for %1</source>
        <translation>indices de %1</translation>
    </message>
</context>
<context>
    <name>Boucle::HocrReader</name>
    <message>
        <location filename="../core/documents/hocrreader.cpp" line="+41"/>
        <source>the file cannot be read (%1)</source>
        <translation>le fichier ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the word &apos;%1&apos; has no bbox of four numbers in its title</source>
        <translation>le mot «&#xa0;%1&#xa0;» n&apos;a pas de bbox de quatre nombres dans son titre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the word &apos;%1&apos; has a bbox value &apos;%2&apos; that is not a number</source>
        <translation>le mot «&#xa0;%1&#xa0;» a une valeur de bbox «&#xa0;%2&#xa0;» qui n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the hOCR is not well-formed XML (%1)</source>
        <translation>le hOCR n&apos;est pas du XML bien formé (%1)</translation>
    </message>
</context>
<context>
    <name>Boucle::HookInvocation</name>
    <message>
        <location filename="../core/hooks/hookinvocation.cpp" line="+125"/>
        <source>cannot create the folder %1 for the hook&apos;s export</source>
        <translation>impossible de créer le dossier %1 pour l&apos;export du crochet</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::HookRunner</name>
    <message>
        <location filename="../core/hooks/hookrunner.cpp" line="+137"/>
        <source>not started: %1</source>
        <translation>non démarré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+79"/>
        <source>
[boucle: killed after %n second(s)]
</source>
        <translation>
            <numerusform>
[boucle&#xa0;: arrêté de force après %n seconde]
</numerusform>
            <numerusform>
[boucle&#xa0;: arrêté de force après %n secondes]
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::HookRunsDialog</name>
    <message>
        <location filename="../ui/dialogs/hookrunsdialog.cpp" line="+19"/>
        <source>Hook runs</source>
        <translation>Exécutions des crochets</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit</source>
        <translation>Code de sortie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>Secondes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The output of the selected run</source>
        <translation>La sortie de l&apos;exécution sélectionnée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>batch %1</source>
        <translation>lot %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>$ %1
</source>
        <translation>$ %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
[output cut at %1 KiB]</source>
        <translation>
[sortie coupée à %1 Kio]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No hook has run in this project.</source>
        <translation>Aucun crochet n&apos;a été exécuté dans ce projet.</translation>
    </message>
</context>
<context>
    <name>Boucle::ImageFolderWriter</name>
    <message>
        <location filename="../core/interop/imagefolderwriter.cpp" line="+99"/>
        <source>Writing ImageFolder links</source>
        <translation>Écriture des liens ImageFolder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the class name &apos;%1&apos; is too long for a folder name</source>
        <translation>le nom de classe «&#xa0;%1&#xa0;» est trop long pour un nom de dossier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the image path &apos;%1&apos; names no file</source>
        <translation>le chemin d&apos;image «&#xa0;%1&#xa0;» ne désigne aucun fichier</translation>
    </message>
</context>
<context>
    <name>Boucle::ImageLimits</name>
    <message>
        <location filename="../core/imaging/imagelimits.cpp" line="+28"/>
        <source>%1 declares an empty size (%2 x %3 pixels)</source>
        <translation>%1 déclare une taille vide (%2 x %3 pixels)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2 x %3 pixels (%4 megapixels); Boucle opens images up to %5 megapixels</source>
        <translation>%1 fait %2 x %3 pixels (%4 mégapixels)&#xa0;; Boucle ouvre les images jusqu&apos;à %5 mégapixels</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is %2 x %3 pixels of %4 bytes each, %5 once decoded; Boucle decodes images up to %6</source>
        <translation>%1 fait %2 x %3 pixels de %4 octets chacun, soit %5 une fois décodée&#xa0;; Boucle décode les images jusqu&apos;à %6</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is %2 x %3 values; Boucle shows heatmaps up to %4 million values (4096 x 4096)</source>
        <translation>%1 fait %2 x %3 valeurs&#xa0;; Boucle affiche les cartes de chaleur jusqu&apos;à %4 millions de valeurs (4096 x 4096)</translation>
    </message>
</context>
<context>
    <name>Boucle::ImageSize</name>
    <message>
        <location filename="../core/interop/imagesize.cpp" line="+16"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the image&apos;s size cannot be read (%2)</source>
        <translation>%1&#xa0;: la taille de l&apos;image est illisible (%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::ImportDialog</name>
    <message>
        <location filename="../ui/dialogs/importdialog.cpp" line="+25"/>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A model&apos;s &amp;predictions</source>
        <translation>Les &amp;prédictions d&apos;un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing ground &amp;truth (labels)</source>
        <translation>Une &amp;vérité terrain existante (étiquettes)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>What it holds:</source>
        <translation>Contenu&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File or &amp;folder:</source>
        <translation>Fichier ou &amp;dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognise from the file</source>
        <translation>Détecter d&apos;après le fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the format&apos;s own: beside the file (YOLO: images/ beside labels/)</source>
        <translation>propre au format&#xa0;: à côté du fichier (YOLO&#xa0;: images/ à côté de labels/)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Images start in:</source>
        <translation>Les &amp;images commencent dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the file&apos;s image paths start</source>
        <translation>Point de départ des chemins d&apos;image du fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COCO results name images by id: the ground-truth file</source>
        <translation>Les résultats COCO désignent les images par id&#xa0;: le fichier de vérité terrain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COCO &amp;ground truth:</source>
        <translation>Vérité &amp;terrain COCO&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COCO ground truth</source>
        <translation>Vérité terrain COCO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@version, when the file names no model</source>
        <translation>name@version, quand le fichier ne nomme aucun modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Recognised as %1.</source>
        <translation>Reconnu comme %1.</translation>
    </message>
</context>
<context>
    <name>Boucle::InputRules</name>
    <message>
        <location filename="../core/ingest/inputrules.cpp" line="+19"/>
        <source>a class name is empty</source>
        <translation>un nom de classe est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a class name of %1 bytes is longer than the limit of %2 bytes</source>
        <translation>un nom de classe de %1&#xa0;octets dépasse la limite de %2&#xa0;octets</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a class name is blank (only white space)</source>
        <translation>un nom de classe est blanc (seulement des espaces)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the class name &apos;%1&apos; holds the control character U+%2</source>
        <translation>le nom de classe «&#xa0;%1&#xa0;» contient le caractère de contrôle U+%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the file is UTF-32; save it as UTF-8</source>
        <translation>le fichier est en UTF-32&#xa0;; enregistrez-le en UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is UTF-16; save it as UTF-8</source>
        <translation>le fichier est en UTF-16&#xa0;; enregistrez-le en UTF-8</translation>
    </message>
</context>
<context>
    <name>Boucle::InteropFormats</name>
    <message>
        <location filename="../core/interop/interopformat.cpp" line="+76"/>
        <source>&apos;%1&apos; is an empty JSON list; give --format</source>
        <translation>«&#xa0;%1&#xa0;» est une liste JSON vide&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is a JSON list of neither COCO results (image_id, category_id) nor Label Studio tasks (data, annotations or predictions); give --format</source>
        <translation>«&#xa0;%1&#xa0;» est une liste JSON qui ne contient ni des résultats COCO (image_id, category_id) ni des tâches Label Studio (data, annotations ou predictions)&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; does not start like JSON; give --format</source>
        <translation>«&#xa0;%1&#xa0;» ne commence pas comme du JSON&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; is JSON but neither COCO (images, annotations), labelme (shapes, imagePath) nor a Boucle log (sample); give --format</source>
        <translation>«&#xa0;%1&#xa0;» est du JSON mais n&apos;est ni du COCO (images, annotations), ni du labelme (shapes, imagePath), ni un journal Boucle (sample)&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&apos;%1&apos; is XML with neither &lt;annotation&gt; (Pascal VOC) nor &lt;annotations&gt; (CVAT) at its root; give --format</source>
        <translation>«&#xa0;%1&#xa0;» est du XML sans &lt;annotation&gt; (Pascal VOC) ni &lt;annotations&gt; (CVAT) à sa racine&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot tell the format of the folder &apos;%1&apos; (YOLO has .txt files or data.yaml, VOC .xml files, labelme .json files); give --format</source>
        <translation>impossible de déterminer le format du dossier «&#xa0;%1&#xa0;» (YOLO a des fichiers .txt ou data.yaml, VOC des fichiers .xml, labelme des fichiers .json)&#xa0;; précisez --format</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Boucle JSON Lines or CSV</source>
        <translation>Boucle JSON Lines ou CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>COCO</source>
        <translation>COCO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>COCO detection results</source>
        <translation>Résultats de détection COCO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YOLO</source>
        <translation>YOLO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label Studio JSON</source>
        <translation>Label Studio JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>labelme</source>
        <translation>labelme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CVAT for images 1.1</source>
        <translation>CVAT for images 1.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ImageFolder</source>
        <translation>ImageFolder</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;%1&apos; does not exist</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;existe pas</translation>
    </message>
</context>
<context>
    <name>Boucle::InteropJson</name>
    <message>
        <location filename="../core/interop/interopjson.cpp" line="+26"/>
        <source>this is not valid JSON (%1)</source>
        <translation>ce n&apos;est pas du JSON valide (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing</source>
        <translation>absent</translation>
    </message>
</context>
<context>
    <name>Boucle::LabelImporter</name>
    <message>
        <location filename="../core/dataset/labelimporter.cpp" line="+51"/>
        <source>%1 is the project file itself, not a label file; nothing was imported</source>
        <translation>%1 est le fichier du projet lui-même, pas un fichier d’étiquettes&#xa0;; rien n’a été importé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+141"/>
        <location line="+107"/>
        <source>%1:%2: field &apos;%3&apos;: %4</source>
        <translation>%1:%2&#xa0;: champ «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>the line is longer than %1 KiB; it was not read</source>
        <translation>la ligne dépasse %1&#xa0;Kio&#xa0;; elle n’a pas été lue</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a JSON object (%1 at byte %2)</source>
        <translation>pas un objet JSON (%1 à l&apos;octet %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>missing or not a string</source>
        <translation>absent ou pas une chaîne</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a quote is not closed</source>
        <translation>un guillemet n&apos;est pas fermé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected 2 fields (sample,label), found %1</source>
        <translation>attendu 2 champs (sample,label), trouvé %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the path is longer than %1 characters</source>
        <translation>le chemin dépasse %1&#xa0;caractères</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+188"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>&apos;%1&apos; is labelled &apos;%2&apos; here but &apos;%3&apos; on line %4</source>
        <translation>«&#xa0;%1&#xa0;» est étiqueté «&#xa0;%2&#xa0;» ici mais «&#xa0;%3&#xa0;» à la ligne %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+157"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 has %2 bad rows; nothing was imported</source>
        <translation>%1 a des lignes invalides (%2)&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds no labels; nothing was imported</source>
        <translation>%1 ne contient aucune étiquette&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>imported from %1 %2</source>
        <translation>importé depuis %1 %2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1: class &apos;%2&apos;: %3</source>
        <translation>%1&#xa0;: classe «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the class &apos;%1&apos; is retired</source>
        <translation>la classe «&#xa0;%1&#xa0;» est retirée</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; is listed twice (also at %2)</source>
        <translation>«&#xa0;%1&#xa0;» apparaît deux fois (voir aussi %2)</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Boucle::LabelStudioReader</name>
    <message>
        <location filename="../core/interop/labelstudioreader.cpp" line="+98"/>
        <source>%1 expected, not %2</source>
        <translation>on attend %1, pas %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+84"/>
        <location line="+111"/>
        <location line="+18"/>
        <location line="+38"/>
        <location line="+12"/>
        <location line="+133"/>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="-391"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+406"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>NaN et les nombres infinis ne sont pas autorisés</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>negative size</source>
        <translation>taille négative</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %, outside 0 to 100 % of the image</source>
        <translation>%1 %, hors de l&apos;intervalle 0 à 100 % de l&apos;image</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading Label Studio tasks</source>
        <translation>Lecture des tâches Label Studio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a task (an object)</source>
        <translation>une tâche (un objet)</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+56"/>
        <location line="+63"/>
        <location line="+48"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>no image: give the image&apos;s URL as data.image</source>
        <translation>pas d&apos;image&#xa0;: indiquez l&apos;URL de l&apos;image dans data.image</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>several values look like images (%1); give the one to read as data.image</source>
        <translation>plusieurs valeurs ressemblent à des images (%1)&#xa0;; indiquez dans data.image celle à lire</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the image URL &apos;%1&apos; names no file</source>
        <translation>l&apos;URL d&apos;image «&#xa0;%1&#xa0;» ne désigne aucun fichier</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+62"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>%1 predictions for one task; Boucle reads one model&apos;s predictions per task (export one model version)</source>
        <translation>%1 prédictions pour une tâche&#xa0;; Boucle lit les prédictions d&apos;un seul modèle par tâche (exportez une seule version du modèle)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+48"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>model_version &apos;%1&apos; differs from &apos;%2&apos; of earlier tasks; Boucle reads one model version per file</source>
        <translation>model_version «&#xa0;%1&#xa0;» diffère de «&#xa0;%2&#xa0;» des tâches précédentes&#xa0;; Boucle lit une seule version de modèle par fichier</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 is outside 0 to 1</source>
        <translation>%1 est hors de l&apos;intervalle 0 à 1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>an array of strings</source>
        <translation>un tableau de chaînes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 labels; Boucle reads exactly one per region or image</source>
        <translation>%1 étiquettes&#xa0;; Boucle en lit exactement une par région ou par image</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a non-empty string</source>
        <translation>une chaîne non vide</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a second image-level choice (&apos;%1&apos; after &apos;%2&apos;); Boucle keeps one label per image</source>
        <translation>un second choix au niveau de l&apos;image («&#xa0;%1&#xa0;» après «&#xa0;%2&#xa0;»)&#xa0;; Boucle garde une étiquette par image</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;%1&apos; results are not read by Boucle (rectanglelabels, polygonlabels, keypointlabels and choices are)</source>
        <translation>les résultats «&#xa0;%1&#xa0;» ne sont pas lus par Boucle (rectanglelabels, polygonlabels, keypointlabels et choices le sont)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not a whole number of pixels from 1 to 1000000</source>
        <translation>%1 n&apos;est pas un nombre entier de pixels de 1 à 1000000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the image is %1×%2 here but %3×%4 in an earlier result</source>
        <translation>l&apos;image fait %1×%2 ici mais %3×%4 dans un résultat précédent</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the image was turned %1° in Label Studio&apos;s editor; Boucle reads regions drawn on the image as displayed (image_rotation 0)</source>
        <translation>l&apos;image a été tournée de %1° dans l&apos;éditeur de Label Studio&#xa0;; Boucle lit les régions dessinées sur l&apos;image telle qu&apos;affichée (image_rotation 0)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the box reaches beyond the image (x + width or y + height is more than 100 %)</source>
        <translation>la boîte dépasse de l&apos;image (x + width ou y + height dépasse 100 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the box turned by %1° reaches beyond the image</source>
        <translation>la boîte tournée de %1° dépasse de l&apos;image</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an array of [x, y]</source>
        <translation>un tableau de [x, y]</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[x, y] (two numbers)</source>
        <translation>[x, y] (deux nombres)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[%1, %2] %, outside 0 to 100 % of the image</source>
        <translation>[%1, %2] %, hors de l&apos;intervalle 0 à 100 % de l&apos;image</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 points; a polygon needs at least 3</source>
        <translation>%1 points&#xa0;; un polygone en demande au moins 3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a Label Studio export is a JSON list of tasks; this file holds %1</source>
        <translation>un export Label Studio est une liste JSON de tâches&#xa0;; ce fichier contient %1</translation>
    </message>
</context>
<context>
    <name>Boucle::LabelStudioWriter</name>
    <message>
        <location filename="../core/interop/labelstudiowriter.cpp" line="+80"/>
        <source>the size of %1 is unknown; Label Studio regions need it</source>
        <translation>la taille de %1 est inconnue&#xa0;; les régions Label Studio en ont besoin</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds a mask; Label Studio&apos;s brush format is not written by Boucle</source>
        <translation>%1 contient un masque&#xa0;; le format pinceau (brush) de Label Studio n&apos;est pas écrit par Boucle</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Writing Label Studio tasks</source>
        <translation>Écriture des tâches Label Studio</translation>
    </message>
</context>
<context>
    <name>Boucle::LabelmeReader</name>
    <message>
        <location filename="../core/interop/labelmereader.cpp" line="+56"/>
        <source>%1 expected, not %2</source>
        <translation>on attend %1, pas %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>missing; Boucle needs the image&apos;s size</source>
        <translation>absent&#xa0;; Boucle a besoin de la taille de l&apos;image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a whole number of pixels from 1 to 1000000</source>
        <translation>%1 n&apos;est pas un nombre entier de pixels de 1 à 1000000</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a labelme file is a JSON object; this file holds an array</source>
        <translation>un fichier labelme est un objet JSON&#xa0;; ce fichier contient un tableau</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+60"/>
        <location line="+49"/>
        <location line="+20"/>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+108"/>
        <source>a non-empty string</source>
        <translation>une chaîne non vide</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+49"/>
        <location line="+136"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 flags are set (%2); Boucle reads the one set flag as the image&apos;s label</source>
        <translation>%1 indicateurs (flags) sont activés (%2)&#xa0;; Boucle lit l&apos;unique indicateur activé comme l&apos;étiquette de l&apos;image</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the file says the image is %1×%2, but %3 is %4×%5 as displayed (EXIF orientation applied); the points would not fall where they were drawn</source>
        <translation>le fichier indique que l&apos;image fait %1×%2, mais %3 fait %4×%5 à l&apos;affichage (orientation EXIF appliquée)&#xa0;; les points ne tomberaient pas là où ils ont été dessinés</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an array of [x, y]</source>
        <translation>un tableau de [x, y]</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>[x, y] (two numbers)</source>
        <translation>[x, y] (deux nombres)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>NaN et les nombres infinis ne sont pas autorisés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[%1, %2] is outside the %3×%4 image</source>
        <translation>[%1, %2] est hors de l&apos;image %3×%4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 points; a rectangle has exactly 2 (two opposite corners)</source>
        <translation>%1 points&#xa0;; un rectangle en a exactement 2 (deux coins opposés)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 points; a polygon needs at least 3</source>
        <translation>%1 points&#xa0;; un polygone en demande au moins 3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 points; a point has exactly 1</source>
        <translation>%1 points&#xa0;; un point en a exactement 1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; shapes are not read by Boucle (rectangle, polygon and point are)</source>
        <translation>les formes «&#xa0;%1&#xa0;» ne sont pas lues par Boucle (rectangle, polygon et point le sont)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a whole number or null</source>
        <translation>un nombre entier ou null</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>more than %1 JSON files; Boucle reads at most that many labelme files at once</source>
        <translation>plus de %1 fichiers JSON&#xa0;; Boucle lit au plus ce nombre de fichiers labelme à la fois</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading labelme files</source>
        <translation>Lecture des fichiers labelme</translation>
    </message>
</context>
<context>
    <name>Boucle::LabelmeWriter</name>
    <message>
        <location filename="../core/interop/labelmewriter.cpp" line="+119"/>
        <source>Writing labelme files</source>
        <translation>Écriture des fichiers labelme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the image path &apos;%1&apos; does not lead inside the output folder</source>
        <translation>le chemin d&apos;image «&#xa0;%1&#xa0;» ne mène pas à l&apos;intérieur du dossier de sortie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>two images would share %1 (their paths differ only by the extension); labelme keeps one JSON per image name</source>
        <translation>deux images partageraient %1 (leurs chemins ne diffèrent que par l&apos;extension)&#xa0;; labelme garde un JSON par nom d&apos;image</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the size of %1 is unknown; labelme files state it</source>
        <translation>la taille de %1 est inconnue&#xa0;; les fichiers labelme l&apos;indiquent</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 holds a mask; labelme 5.1.1 files cannot</source>
        <translation>%1 contient un masque&#xa0;; les fichiers labelme 5.1.1 ne le peuvent pas</translation>
    </message>
</context>
<context>
    <name>Boucle::LogImporter</name>
    <message>
        <location filename="../core/ingest/logimporter.cpp" line="+26"/>
        <source>Nothing was imported from %1: %2</source>
        <translation>Rien n&apos;a été importé de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The import of %1 was cancelled; nothing was stored.</source>
        <translation>L&apos;import de %1 a été annulé&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was imported from %1: it has %n problem(s).</source>
        <translation>
            <numerusform>Rien n&apos;a été importé de %1&#xa0;: il contient %n problème.</numerusform>
            <numerusform>Rien n&apos;a été importé de %1&#xa0;: il contient %n problèmes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was imported from %1: %n line(s) are invalid (use --skip-invalid to store the others).</source>
        <translation>
            <numerusform>Rien n&apos;a été importé de %1&#xa0;: %n ligne est invalide (utilisez --skip-invalid pour enregistrer les autres).</numerusform>
            <numerusform>Rien n&apos;a été importé de %1&#xa0;: %n lignes sont invalides (utilisez --skip-invalid pour enregistrer les autres).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n prediction(s) added</source>
        <translation>
            <numerusform>%n prédiction ajoutée</numerusform>
            <numerusform>%n prédictions ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n already present</source>
        <translation>
            <numerusform>%n déjà présente</numerusform>
            <numerusform>%n déjà présentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new sample(s)</source>
        <translation>
            <numerusform>%n nouvel échantillon</numerusform>
            <numerusform>%n nouveaux échantillons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sample file(s) missing</source>
        <translation>
            <numerusform>%n fichier d&apos;échantillon manquant</numerusform>
            <numerusform>%n fichiers d&apos;échantillons manquants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new model(s)</source>
        <translation>
            <numerusform>%n nouveau modèle</numerusform>
            <numerusform>%n nouveaux modèles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>new classes: %1 and %n more</source>
        <translation>
            <numerusform>nouvelles classes&#xa0;: %1 et %n autre</numerusform>
            <numerusform>nouvelles classes&#xa0;: %1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new classes: %1</source>
        <translation>nouvelles classes&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n invalid line(s) skipped</source>
        <translation>
            <numerusform>%n ligne invalide ignorée</numerusform>
            <numerusform>%n lignes invalides ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>batch of %n item(s)</source>
        <translation>
            <numerusform>lot de %n élément</numerusform>
            <numerusform>lot de %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1: %2.</source>
        <translation>Import de %1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>... and %n more invalid line(s)</source>
        <translation>
            <numerusform>… et %n autre ligne invalide</numerusform>
            <numerusform>… et %n autres lignes invalides</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the project file itself, not a prediction log; nothing was imported</source>
        <translation>%1 est le fichier du projet lui-même, pas un journal de prédictions&#xa0;; rien n’a été importé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a batch named &apos;%1&apos; already exists</source>
        <translation>un lot nommé «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Importing %1</source>
        <translation>Import de %1</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>the log holds no valid line to make the batch &apos;%1&apos; of</source>
        <translation>le journal ne contient aucune ligne valide pour constituer le lot «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Boucle::LogPathResolver</name>
    <message>
        <location filename="../core/ingest/logpathresolver.cpp" line="+47"/>
        <source>the path is empty</source>
        <translation>le chemin est vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>absolute paths are refused; write the path relative to the log&apos;s folder</source>
        <translation>les chemins absolus sont refusés&#xa0;; écrivez le chemin relativement au dossier du journal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>use &apos;/&apos; to separate folders in paths</source>
        <translation>utilisez «&#xa0;/&#xa0;» pour séparer les dossiers dans les chemins</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the path contains a NUL character</source>
        <translation>le chemin contient un caractère NUL</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the path leaves the data root %1</source>
        <translation>le chemin sort de la racine des données %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+20"/>
        <source>the path names a folder, not a file</source>
        <translation>le chemin désigne un dossier, pas un fichier</translation>
    </message>
</context>
<context>
    <name>Boucle::LogProblem</name>
    <message>
        <location filename="../core/ingest/logproblem.cpp" line="+10"/>
        <source>%1: field &apos;%2&apos;: %3</source>
        <translation>%1&#xa0;: champ «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1:%2: %3</source>
        <translation>%1:%2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:%2: field &apos;%3&apos;: %4</source>
        <translation>%1:%2&#xa0;: champ «&#xa0;%3&#xa0;»&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>Boucle::LoopDialog</name>
    <message>
        <location filename="../ui/dialogs/loopdialog.cpp" line="+32"/>
        <source>Loop: retrain and measure</source>
        <translation>Boucle&#xa0;: réentraîner et mesurer</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Retrain</source>
        <translation>&amp;Réentraîner</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Retrain (loop %1)</source>
        <translation>&amp;Réentraîner (boucle %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing new to learn: no label changed since version %1, which %2 learned from. Retrain would train nothing and flag no batch; review some samples first.</source>
        <translation>Rien de nouveau à apprendre&#xa0;: aucune étiquette n&apos;a changé depuis la version %1, dont %2 a appris. Réentraîner n&apos;entraînerait rien et ne marquerait aucun lot{N}; revoyez d&apos;abord des échantillons.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Retrain first commits the working labels (%n uncommitted change(s)) as version %1 &apos;%2&apos;, then trains loop %3 on that version and flags batch &apos;Loop %3&apos;.</source>
        <translation>
            <numerusform>Réentraîner valide d&apos;abord les étiquettes de travail (%n changement non validé) comme version %1 «&#xa0;%2&#xa0;», puis entraîne la boucle %3 sur cette version et marque le lot «&#xa0;Loop %3&#xa0;».</numerusform>
            <numerusform>Réentraîner valide d&apos;abord les étiquettes de travail (%n changements non validés) comme version %1 «&#xa0;%2&#xa0;», puis entraîne la boucle %3 sur cette version et marque le lot «&#xa0;Loop %3&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No uncommitted change: Retrain trains loop %1 on the %2 labels of version %3 and flags batch &apos;Loop %1&apos;.</source>
        <translation>Aucun changement non validé&#xa0;: Réentraîner entraîne la boucle %1 sur les %2 étiquettes de la version %3 et marque le lot «&#xa0;Loop %1&#xa0;».</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loops</source>
        <translation>Boucles</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Held-out accuracy per loop</source>
        <translation>Exactitude sur la partie réservée, par boucle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loop %1: %2 learned from version %3 (%4 labels): %5 % on the held-out split</source>
        <translation>Boucle %1&#xa0;: %2 a appris de la version %3 (%4 étiquettes)&#xa0;: %5&#xa0;% sur la partie réservée</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Retrain refused or failed: %1</source>
        <translation>Réentraînement refusé ou échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Held-out accuracy</source>
        <translation>Exactitude sur le jeu de test</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Held-out accuracy (%)</source>
        <translation>Exactitude sur le jeu de test (%)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No model of this project has a held-out accuracy yet.</source>
        <translation>Aucun modèle de ce projet n&apos;a encore d&apos;exactitude mesurée sur le jeu de test.</translation>
    </message>
</context>
<context>
    <name>Boucle::LoopResult</name>
    <message>
        <location filename="../core/learning/loopresult.cpp" line="+26"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>nothing to chart: the simulation produced no step</source>
        <translation>rien à tracer&#xa0;: la simulation n&apos;a produit aucune étape</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held-out accuracy (%)</source>
        <translation>Exactitude sur le jeu de test (%)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Active learning on %1: mean of %2 seeds</source>
        <translation>Apprentissage actif sur %1&#xa0;: moyenne de %2 graines</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>99% of the full-pool accuracy</source>
        <translation>99&#xa0;% de l&apos;exactitude sur tout le réservoir</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot write the chart %1</source>
        <translation>impossible d&apos;écrire le graphique %1</translation>
    </message>
</context>
<context>
    <name>Boucle::LoopSimulation</name>
    <message>
        <location filename="../core/learning/loopsimulation.cpp" line="+127"/>
        <source>seed %1: full pool accuracy %2</source>
        <translation>graine %1&#xa0;: exactitude sur tout le réservoir %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>seed %1, %2: final accuracy %3</source>
        <translation>graine %1, %2&#xa0;: exactitude finale %3</translation>
    </message>
</context>
<context>
    <name>Boucle::LoopTurn</name>
    <message>
        <location filename="../core/loop/loopturn.cpp" line="+33"/>
        <source>cannot read the held-out split %1: %2</source>
        <translation>impossible de lire le jeu de test %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1:%2: expected sample,label</source>
        <translation>%1:%2&#xa0;: attendu sample,label</translation>
    </message>
    <message>
        <location line="+225"/>
        <source>cancelled; nothing was stored</source>
        <translation>annulé&#xa0;; rien n&apos;a été enregistré</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing the new predictions</source>
        <translation>Import des nouvelles prédictions</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Flagging the next batch</source>
        <translation>Signalement du lot suivant</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Loop %1</source>
        <translation>Boucle %1</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>before loop %1</source>
        <translation>avant la boucle %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retraining is available for the digits and letters demos&apos; classifier only: Boucle does not retrain the detection demo&apos;s detector. Train a detector elsewhere and import its predictions with &apos;boucle import&apos;.</source>
        <translation>Le réentraînement n&apos;existe que pour le classifieur des démos chiffres et lettres{N}: Boucle ne réentraîne pas le détecteur de la démo de détection. Entraînez un détecteur ailleurs et importez ses prédictions avec «{N}boucle import{N}».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retraining is available for the digits and letters demos only (&apos;boucle demo --dataset digits&apos; or &apos;letters&apos;): %1 has no data set and held-out split that Boucle can train on. Train your model elsewhere and import its predictions with &apos;boucle import&apos;.</source>
        <translation>Le réentraînement n&apos;existe que pour les démos chiffres et lettres («{N}boucle demo --dataset digits{N}» ou «{N}letters{N}»){N}: %1 n&apos;a pas de jeu de données ni de partie réservée sur lesquels Boucle puisse entraîner. Entraînez votre modèle ailleurs et importez ses prédictions avec «{N}boucle import{N}».</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+68"/>
        <source>There are no labels to learn from yet: review some samples first.</source>
        <translation>Il n&apos;y a pas encore d&apos;étiquettes à apprendre{N}: revoyez d&apos;abord des échantillons.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Nothing new to learn: no label changed since version %1, which %2 learned from. No model was trained and no batch was made; review some samples first.</source>
        <translation>Rien de nouveau à apprendre&#xa0;: aucune étiquette n&apos;a changé depuis la version %1, dont %2 a appris. Aucun modèle n&apos;a été entraîné et aucun lot créé{N}; revoyez d&apos;abord des échantillons.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot start loop %1: a batch named &apos;%2&apos; already exists. Rename it first; nothing was committed or trained.</source>
        <translation>Impossible de commencer la boucle %1&#xa0;: un lot nommé «&#xa0;%2&#xa0;» existe déjà. Renommez-le d&apos;abord{N}; rien n&apos;a été validé ni entraîné.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot commit the working labels as version %1 &apos;%2&apos; before loop %3: %4. Nothing was trained.</source>
        <translation>Impossible de valider les étiquettes de travail comme version %1 «&#xa0;%2&#xa0;» avant la boucle %3&#xa0;: %4. Rien n&apos;a été entraîné.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Committed version %1 &apos;%2&apos; with %n change(s); training on %3 labels…</source>
        <translation>
            <numerusform>Version %1 «&#xa0;%2&#xa0;» validée avec %n changement&#xa0;; entraînement sur %3 étiquettes…</numerusform>
            <numerusform>Version %1 «&#xa0;%2&#xa0;» validée avec %n changements&#xa0;; entraînement sur %3 étiquettes…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No uncommitted change; training on the %1 labels of version %2…</source>
        <translation>Aucun changement non validé&#xa0;; entraînement sur les %1 étiquettes de la version %2…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>cancelled; version %1 stays committed, no model was stored</source>
        <translation>annulé&#xa0;; la version %1 reste validée, aucun modèle n&apos;a été enregistré</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 learned from %2 labels of version %3: held-out accuracy %4 %</source>
        <translation>%1 a appris de %2 étiquettes de la version %3&#xa0;: exactitude sur la partie réservée %4&#xa0;%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (was %1 %)</source>
        <translation> (contre %1&#xa0;%)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>flagged &apos;%1&apos; (%n item(s))</source>
        <translation>
            <numerusform>lot «&#xa0;%1&#xa0;» marqué (%n élément)</numerusform>
            <numerusform>lot «&#xa0;%1&#xa0;» marqué (%n éléments)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Committed version %1 &apos;%2&apos; with %n change(s). </source>
        <translation>
            <numerusform>Version %1 «&#xa0;%2&#xa0;» validée avec %n changement. </numerusform>
            <numerusform>Version %1 «&#xa0;%2&#xa0;» validée avec %n changements. </numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No uncommitted change. </source>
        <translation>Aucun changement non validé. </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not scored: %1.</source>
        <translation>Non évalué&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loop turn done</source>
        <translation>Tour de boucle terminé</translation>
    </message>
</context>
<context>
    <name>Boucle::LowConfidenceWords</name>
    <message>
        <location filename="../core/documents/lowconfidencewords.cpp" line="+39"/>
        <source>word &apos;%1&apos; on page %2 read with confidence %3, below %4</source>
        <translation>mot «&#xa0;%1&#xa0;» en page %2 lu avec une confiance de %3, sous %4</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>and %n more word(s) below %1</source>
        <translation>
            <numerusform>et %n autre mot sous %1</numerusform>
            <numerusform>et %n autres mots sous %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+71"/>
        <location filename="../ui/mainwindow_project.cpp" line="+432"/>
        <source>Boucle</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sample view &amp;toolbar</source>
        <translation>Barre d&apos;outils de la &amp;vue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Rétablir la disposition</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2 selected. A approves them, a class key then R relabels them (R alone lists the classes), S skips them; each is one step that Ctrl+Z undoes. Enter opens the current one; G returns to the single sample.</source>
        <translation>%1 sur %2 choisis. A les approuve, une touche de classe puis R les réétiquette (R seul liste les classes), S les passe&#xa0;; chaque action est une étape que Ctrl+Z annule. Entrée ouvre l&apos;élément courant{N}; G revient à un seul échantillon.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The panels are back in their first places.</source>
        <translation>Les panneaux ont retrouvé leur place d&apos;origine.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="+49"/>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Override with chosen class</source>
        <translation>C&amp;orriger avec la classe choisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Relabel with chosen class</source>
        <translation>&amp;Réétiqueter avec la classe choisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip</source>
        <translation>Pa&amp;sser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Escalate to an expert</source>
        <translation>&amp;Transmettre à un expert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep the doubted label</source>
        <translation>Garder l’étiq&amp;uette mise en doute</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+239"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-238"/>
        <location line="+239"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>&amp;Commit a version…</source>
        <translation>Enregistrer une &amp;version…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Blind review (me)</source>
        <translation>Revue en a&amp;veugle (moi)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Blind review for &amp;everyone</source>
        <translation>Revue en aveugle pour t&amp;ous</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Require a &amp;comment to override</source>
        <translation>Exiger un &amp;commentaire pour corriger</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approve (A)</source>
        <comment>decision button</comment>
        <translation>Approuver (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override (O)</source>
        <comment>decision button</comment>
        <translation>Corriger (O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relabel (R)</source>
        <comment>decision button</comment>
        <translation>Réétiqueter (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip (S)</source>
        <comment>decision button</comment>
        <translation>Passer (S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate (E)</source>
        <comment>decision button</comment>
        <translation>Transmettre (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep label (Y)</source>
        <comment>decision button</comment>
        <translation>Garder l’étiquette (Y)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+11"/>
        <source>Boucle projects (*.boucle)</source>
        <translation>Projets Boucle (*.boucle)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/mainwindow_project.cpp" line="-35"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la &amp;démonstration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo is not available in this build.</source>
        <translation>La démonstration n&apos;est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close project</source>
        <translation>&amp;Fermer le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Revue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search a &amp;class…</source>
        <translation>Chercher une c&amp;lasse…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a co&amp;mment</source>
        <translation>Écrire un co&amp;mmentaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next item</source>
        <translation>Élément suiva&amp;nt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous item</source>
        <translation>Élément &amp;précédent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;lasses</source>
        <translation>C&amp;lasses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Grid of thumbnails</source>
        <translation>&amp;Grille de vignettes</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Window/level</source>
        <translation>&amp;Fenêtrage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DICOM &amp;header…</source>
        <translation>&amp;En-tête DICOM…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sample is shown: its DICOM header cannot be read.</source>
        <translation>Aucun échantillon n’est affiché&#xa0;: son en-tête DICOM ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no DICOM header to show.</source>
        <translation>%1 n’a pas d’en-tête DICOM à afficher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;train and flag the next batch…</source>
        <translation>&amp;Réentraîner et signaler le lot suivant…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit &amp;dashboard…</source>
        <translation>&amp;Tableau de bord d&apos;audit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hook runs…</source>
        <translation>E&amp;xécutions des crochets…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double &amp;review…</source>
        <translation>&amp;Double relecture…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work the &amp;second-review queue</source>
        <translation>Traiter la file de s&amp;econde relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work the a&amp;djudication queue</source>
        <translation>Traiter la file d&apos;ar&amp;bitrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Take over this item…</source>
        <translation>Repren&amp;dre cet élément…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Si&amp;gn batch…</source>
        <translation>Si&amp;gner le lot…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search a class…</source>
        <translation>Chercher une classe…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_project.cpp" line="-322"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Could not reopen %1 after the import:
%2</source>
        <translation>Impossible de rouvrir %1 après l&apos;import&#xa0;:
%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>L&apos;import a été annulé&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The export was cancelled; nothing was written.</source>
        <translation>L&apos;export a été annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+9"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Retrained; the next batch is &apos;%1&apos;</source>
        <translation>Réentraîné&#xa0;; le lot suivant est «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Double review: %1 % of items, and every item of: %2.</source>
        <translation>Double relecture&#xa0;: %1&#xa0;% des éléments, et tous les éléments des classes&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no class</source>
        <translation>aucune classe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double review is off.</source>
        <translation>Double relecture désactivée.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-119"/>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_project.cpp" line="+83"/>
        <source>Password of %1 for %2:</source>
        <translation>Mot de passe de %1 pour %2&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused that password.</source>
        <translation>Le serveur a refusé ce mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server password</source>
        <translation>Mot de passe du serveur</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Hook %1 started; its result will be shown here (Project ▸ Hook runs…).</source>
        <translation>Le crochet %1 a démarré&#xa0;; son résultat s&apos;affichera ici (Projet ▸ Exécutions des crochets…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hook %1 succeeded in %2 s.</source>
        <translation>Le crochet %1 a réussi en %2 s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hook %1 %2 (exit %3); the decisions are kept. See Project ▸ Hook runs….</source>
        <translation>Le crochet %1 %2 (code de sortie %3)&#xa0;; les décisions sont conservées. Voir Projet ▸ Exécutions des crochets….</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — Boucle</source>
        <translation>%1 — Boucle</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking the sample files stopped: %1</source>
        <translation>La vérification des fichiers d&apos;échantillons s&apos;est arrêtée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no role on this project: ask its owner for one (boucle roles).</source>
        <translation>%1 n’a aucun rôle sur ce projet&#xa0;: demandez-en un à son propriétaire (boucle roles).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 on this project: the batches, decisions and versions can be read here, not changed.</source>
        <translation>%1 est %2 de ce projet&#xa0;: les lots, les décisions et les versions se lisent ici, sans être modifiés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 on this project: importing, committing versions and the project&apos;s settings are a lead&apos;s.</source>
        <translation>%1 est %2 sur ce projet&#xa0;: importer, valider des versions et les réglages du projet reviennent à un responsable.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Another Boucle window has this project open (process %1 on %2). Both can decide: each decision is saved at once, and this window shows the other&apos;s within a second.</source>
        <translation>Une autre fenêtre Boucle a ce projet ouvert (processus %1 sur %2). Les deux peuvent décider&#xa0;: chaque décision est enregistrée aussitôt, et cette fenêtre montre celles de l&apos;autre en moins d&apos;une seconde.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not open %1:
%2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;:
%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No project open</source>
        <translation>Aucun projet ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a project (Ctrl+O), drop a .boucle file here, or open the demo.</source>
        <translation>Ouvrez un projet (Ctrl+O), déposez ici un fichier .boucle ou ouvrez la démonstration.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Who is reviewing?</source>
        <translation>Qui fait la revue&#xa0;?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your name goes with every decision you make:</source>
        <translation>Votre nom accompagne chacune de vos décisions&#xa0;:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Updated with changes made in another window or process.</source>
        <translation>Mis à jour avec les changements faits dans une autre fenêtre ou un autre processus.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="-11"/>
        <source>Choose %1</source>
        <translation>Choisir %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_review.cpp" line="+108"/>
        <source>Sample %1 is in no batch.</source>
        <translation>L&apos;échantillon %1 n&apos;est dans aucun lot.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to review</source>
        <translation>Aucun élément à revoir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a batch on the left.</source>
        <translation>Choisissez un lot à gauche.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Blind review: give your own answer first (1–9, or / to search and Return). The prediction shows after it.</source>
        <translation>Revue en aveugle&#xa0;: donnez d&apos;abord votre propre réponse (1 à 9, ou / pour chercher puis Entrée). La prédiction s&apos;affiche ensuite.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This sample cannot be shown</source>
        <translation>Cet échantillon ne peut pas être affiché</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your answer: %1. The prediction is now shown; approve, override or relabel.</source>
        <translation>Votre réponse&#xa0;: %1. La prédiction est maintenant affichée&#xa0;; approuvez, corrigez ou réétiquetez.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no class %1.</source>
        <translation>Il n&apos;y a pas de classe %1.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Y keeps a label that the suspect-label trigger doubted; this item&apos;s label is not doubted.</source>
        <translation>Y garde une étiquette que le déclencheur d’étiquettes suspectes a mise en doute&#xa0;; l’étiquette de cet élément ne l’est pas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The doubted label &apos;%1&apos; is no longer a class of the project.</source>
        <translation>L’étiquette mise en doute «&#xa0;%1&#xa0;» n’est plus une classe du projet.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Saved. This item goes to a second reviewer; your answer becomes the label when they agree.</source>
        <translation>Enregistré. Cet élément part chez un second relecteur&#xa0;; votre réponse deviendra l&apos;étiquette si la sienne concorde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved. The answers disagree (or were escalated): the item goes to adjudication.</source>
        <translation>Enregistré. Les réponses divergent (ou ont été transmises à un expert)&#xa0;: l&apos;élément part en arbitrage.</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Item %1 was already decided: %2%3%4. Replace that decision?</source>
        <translation>L&apos;élément %1 a déjà été décidé{N}: %2%3%4. Remplacer cette décision{N}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> as %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of the %2 selected items were already decided. Replace their decisions too?</source>
        <translation>%1 des %2 éléments choisis étaient déjà décidés. Remplacer aussi leurs décisions&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace a decision</source>
        <translation>Remplacer une décision</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The earlier decision stays in the history; undo (Ctrl+Z) brings it back.</source>
        <translation>La décision précédente reste dans l&apos;historique{N}; annuler (Ctrl+Z) la rétablit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept the earlier decision.</source>
        <translation>Décision précédente gardée.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pace: shown after %1 decisions</source>
        <translation>Rythme&#xa0;: affiché après %1 décisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pace and the time left show once a few decisions are made in this sitting.</source>
        <translation>Le rythme et le temps restant s&apos;affichent après quelques décisions dans cette séance.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n decision(s) in this sitting</source>
        <translation>
            <numerusform>%n décision dans cette séance</numerusform>
            <numerusform>%n décisions dans cette séance</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_documents.cpp" line="+134"/>
        <location filename="../ui/mainwindow_review.cpp" line="-172"/>
        <source>Batch finished. Commit a version of the dataset (Ctrl+K) so the next training run reads these labels.</source>
        <translation>Lot terminé. Enregistrez une version du jeu de données (Ctrl+K) pour que le prochain entraînement lise ces étiquettes.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_review.cpp" line="+41"/>
        <source>Undone.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Redone.</source>
        <translation>Rétabli.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing to commit: no label changed since the last version.</source>
        <translation>Rien à enregistrer&#xa0;: aucune étiquette n&apos;a changé depuis la dernière version.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commit a version</source>
        <translation>Enregistrer une version</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n label change(s). Describe this version:</source>
        <translation>
            <numerusform>%n changement d&apos;étiquette. Décrivez cette version&#xa0;:</numerusform>
            <numerusform>%n changements d&apos;étiquettes. Décrivez cette version&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviewed %1</source>
        <translation>Lot %1 revu</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Version %1 committed (%n label(s)).</source>
        <translation>
            <numerusform>Version %1 enregistrée (%n étiquette).</numerusform>
            <numerusform>Version %1 enregistrée (%n étiquettes).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="+30"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_review.cpp" line="+62"/>
        <source>No batch</source>
        <translation>Aucun lot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item %1 of %2 · %3 of %4 decided</source>
        <translation>Élément %1 sur %2 · %3 sur %4 décidés</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 decisions/hour · about %2 left</source>
        <translation>%1 décisions/heure · il reste environ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_documents.cpp" line="-100"/>
        <source>D&amp;ocument</source>
        <translation>D&amp;ocument</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Next low-confidence object</source>
        <translation>Objet à faible confiance suivant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous low-confidence object</source>
        <translation>Objet à faible confiance précédent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next object</source>
        <translation>Objet suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous object</source>
        <translation>Objet précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the whole document</source>
        <translation>Revenir au document entier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approve the whole document (its label, else every object left)</source>
        <translation>Approuver tout le document (son étiquette, sinon chaque objet restant)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../ui/mainwindow_objects.cpp" line="+106"/>
        <source>Approve the selected object</source>
        <translation>Approuver l&apos;objet sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the selected object&apos;s corrections (text, label, extent)</source>
        <translation>Enregistrer les corrections de l&apos;objet sélectionné (texte, étiquette, étendue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relabel the selected object with the object bar&apos;s label</source>
        <translation>Réétiqueter l&apos;objet sélectionné avec l&apos;étiquette de la barre d&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the object&apos;s text</source>
        <translation>Modifier le texte de l&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the object&apos;s label</source>
        <translation>Modifier l&apos;étiquette de l&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Span ends one character later</source>
        <translation>Avancer la fin du segment d&apos;un caractère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Span ends one character earlier</source>
        <translation>Reculer la fin du segment d&apos;un caractère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Span starts one character later</source>
        <translation>Avancer le début du segment d&apos;un caractère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Span starts one character earlier</source>
        <translation>Reculer le début du segment d&apos;un caractère</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a box on the page</source>
        <translation>Sélectionner une boîte sur la page</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/mainwindow_objects.cpp" line="-7"/>
        <source>Click, Tab, Shift+Tab</source>
        <translation>Clic, Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected box (or vertex) 1 unit; Shift: 10</source>
        <translation>Déplacer la boîte (ou le sommet) sélectionnée de 1 unité&#xa0;; Shift&#xa0;: 10</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/mainwindow_objects.cpp" line="+1"/>
        <source>Arrow keys</source>
        <translation>Touches fléchées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move, resize, reshape</source>
        <translation>Déplacer, redimensionner, remodeler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag the box, a handle, a vertex</source>
        <translation>Faire glisser la boîte, une poignée, un sommet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/mainwindow_objects.cpp" line="-24"/>
        <source>Draw a box for a missed object (then drag)</source>
        <translation>Dessiner une boîte pour un objet manqué (puis faire glisser)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a polygon for a missed object (Return closes)</source>
        <translation>Dessiner un polygone pour un objet manqué (Entrée le ferme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected object (a false positive) or span</source>
        <translation>Retirer l&apos;objet sélectionné (un faux positif) ou l&apos;empan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the remaining objects and decide the document</source>
        <translation>Approuver les objets restants et décider du document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+A</source>
        <translation>Shift+A</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Object mode: A, O and R act on the selected object; T and L edit its text and label; Esc returns to the document.</source>
        <translation>Mode objet&#xa0;: A, O et R agissent sur l&apos;objet sélectionné&#xa0;; T et L modifient son texte et son étiquette&#xa0;; Échap revient au document.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 (J goes on to the next item; S skips this one, E escalates it)</source>
        <translation>%1 (J passe à l&apos;élément suivant&#xa0;; S passe celui-ci, E le transmet à un expert)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing new to store on this object: its corrections are stored (Return stores what T or L typed). A approves it; Esc returns to the document.</source>
        <translation>Rien de nouveau à enregistrer sur cet objet&#xa0;: ses corrections sont enregistrées (Entrée enregistre ce que T ou L a saisi). A l&apos;approuve{N}; Échap revient au document.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A document that cannot be shown cannot be approved: S skips it, E escalates it.</source>
        <translation>Un document qui ne peut être affiché ne peut être approuvé&#xa0;: S le passe, E le transmet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>O stores an object&apos;s corrections: select one with ] or . and edit it with T or L (Return stores it). For the whole document, A approves its objects, or choose a class and press O to give the document that label.</source>
        <translation>O enregistre les corrections d&apos;un objet{N}: choisissez-en un avec ] ou . et modifiez-le avec T ou L (Entrée l&apos;enregistre). Pour tout le document, A approuve ses objets, ou choisissez une classe et appuyez sur O pour lui donner cette étiquette.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_objects.cpp" line="-17"/>
        <source>Ob&amp;jects on the image</source>
        <translation>Ob&amp;jets sur l&apos;image</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Draw a polygon for a missed object (click the vertices, Return closes)</source>
        <translation>Dessiner un polygone pour un objet manqué (cliquer sur les sommets, Entrée le ferme)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mask brush on or off</source>
        <translation>Activer ou désactiver le pinceau de masque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brush paints or erases</source>
        <translation>Pinceau&#xa0;: peindre ou effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger brush</source>
        <translation>Pinceau plus grand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller brush</source>
        <translation>Pinceau plus petit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected object (a false positive) or the selected vertex</source>
        <translation>Retirer l&apos;objet sélectionné (un faux positif) ou le sommet sélectionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve the remaining objects and the image</source>
        <translation>Approuver les objets restants et l&apos;image</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select an object</source>
        <translation>Sélectionner un objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected object (or vertex) 1 px; Shift: 10 px</source>
        <translation>Déplacer l&apos;objet (ou le sommet) sélectionné de 1&#xa0;px&#xa0;; Shift&#xa0;: 10&#xa0;px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move an object</source>
        <translation>Déplacer un objet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag it</source>
        <translation>Le faire glisser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resize a box</source>
        <translation>Redimensionner une boîte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag one of its eight handles</source>
        <translation>Faire glisser l&apos;une de ses huit poignées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a polygon vertex</source>
        <translation>Déplacer un sommet de polygone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag the vertex</source>
        <translation>Faire glisser le sommet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a vertex on a polygon&apos;s edge</source>
        <translation>Insérer un sommet sur une arête de polygone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Double-click or Alt+click the edge</source>
        <translation>Double-clic ou Alt+clic sur l&apos;arête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint (or erase) the selected mask</source>
        <translation>Peindre (ou effacer) le masque sélectionné</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag with the brush on</source>
        <translation>Faire glisser avec le pinceau activé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relabel the selected object with the chosen class</source>
        <translation>Réétiqueter l&apos;objet sélectionné avec la classe choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel drawing, then clear the selection</source>
        <translation>Annuler le dessin, puis vider la sélection</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drag the missed object&apos;s box; it takes the chosen class (%1). Esc cancels.</source>
        <translation>Faites glisser la boîte de l&apos;objet manqué&#xa0;; elle prend la classe choisie (%1). Échap annule.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click the polygon&apos;s vertices, Return closes it; it takes the chosen class (%1). Esc cancels.</source>
        <translation>Cliquez sur les sommets du polygone, Entrée le ferme&#xa0;; il prend la classe choisie (%1). Échap annule.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Brush: drag over the selected mask. X paints or erases, { and } change the size, M puts the brush away.</source>
        <translation>Pinceau&#xa0;: faites glisser sur le masque sélectionné. X peint ou efface, { et } changent la taille, M range le pinceau.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose the missed object&apos;s class first (1–9, or / to search), then draw it again.</source>
        <translation>Choisissez d&apos;abord la classe de l&apos;objet manqué (1–9, ou / pour chercher), puis dessinez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Choose the object&apos;s class first (1–9, or / to search).</source>
        <translation>Choisissez d&apos;abord la classe de l&apos;objet (1–9, ou / pour chercher).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_leases.cpp" line="+59"/>
        <source>%1 A decision here would not be saved: move on to another item.</source>
        <translation>%1 Une décision ici ne serait pas enregistrée&#xa0;: passez à un autre élément.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 took this item at %2 while it was left open here; a decision here would not be saved: move on to another item.</source>
        <translation>%1 a pris cet élément à %2 pendant qu’il restait ouvert ici&#xa0;; une décision ici ne serait pas enregistrée&#xa0;: passez à un autre élément.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Nobody else holds this item: it is yours to decide.</source>
        <translation>Personne d’autre ne tient cet élément&#xa0;: c’est à vous de décider.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take over this item</source>
        <translation>Reprendre cet élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds this item (since %2). Why do you take it over? The reason is kept in the audit.</source>
        <translation>%1 tient cet élément (depuis %2). Pourquoi le reprenez-vous&#xa0;? La raison est conservée dans l’audit.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You hold this item now; %1&apos;s window says so when it next renews its items, and the audit names you both.</source>
        <translation>Vous tenez maintenant cet élément&#xa0;; la fenêtre de %1 le dira au prochain renouvellement de ses éléments, et l’audit vous nomme tous les deux.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_signatures.cpp" line="+18"/>
        <source>reviewed</source>
        <translation>relu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>responsible</source>
        <translation>sous ma responsabilité</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a batch to sign it.</source>
        <translation>Ouvrez un lot pour le signer.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Batch %1 signed by %2 as %3.</source>
        <translation>Lot %1 signé par %2 (%3).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed: %1</source>
        <translation>Signé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This batch is signed; its decisions no longer change.</source>
        <translation>Ce lot est signé&#xa0;; ses décisions ne changent plus.</translation>
    </message>
</context>
<context>
    <name>Boucle::NpyArray</name>
    <message>
        <location filename="../core/imaging/npyarray.cpp" line="+21"/>
        <source>Cannot read the heatmap %1: %2</source>
        <translation>Impossible de lire la carte de chaleur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>not a NumPy .npy file (the magic string is missing)</source>
        <translation>ce n&apos;est pas un fichier NumPy .npy (la chaîne magique est absente)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <location line="+39"/>
        <source>the header is truncated</source>
        <translation>l&apos;en-tête est tronqué</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>format version %1 is not supported (1, 2 and 3 are)</source>
        <translation>la version de format %1 n&apos;est pas prise en charge (1, 2 et 3 le sont)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>frame %1 was asked for, but the array holds %2 frames (0 to %3)</source>
        <translation>la trame %1 est demandée, mais le tableau en contient %2 (de 0 à %3)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>the header does not name descr, fortran_order and shape</source>
        <translation>l&apos;en-tête ne nomme pas descr, fortran_order et shape</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the shape (%1) is not a list of sizes</source>
        <translation>la forme (%1) n&apos;est pas une liste de tailles</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>the data type &apos;%1&apos; is not supported (float16/32/64 or integers are)</source>
        <translation>le type de données «&#xa0;%1&#xa0;» n&apos;est pas pris en charge (float16/32/64 et entiers le sont)</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>the data is truncated: %1 bytes expected, %2 found</source>
        <translation>les données sont tronquées&#xa0;: %1 octets attendus, %2 trouvés</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>the header is %1 bytes long; a .npy header Boucle reads is at most %2 bytes</source>
        <translation>l&apos;en-tête fait %1 octets&#xa0;; Boucle lit des en-têtes .npy d&apos;au plus %2 octets</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>the array has %1 frames</source>
        <translation>le tableau a %1 trames</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a heatmap of several frames must be in C order (fortran_order False): save it with np.save(path, np.ascontiguousarray(a))</source>
        <translation>une carte de chaleur de plusieurs trames doit être dans l’ordre C (fortran_order False)&#xa0;: enregistrez-la avec np.save(path, np.ascontiguousarray(a))</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the array has %1 dimensions; a heatmap needs 2 (or 3: frames, rows, columns)</source>
        <translation>le tableau a %1 dimensions&#xa0;; une carte de chaleur en demande 2 (ou 3&#xa0;: trames, lignes, colonnes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the shape %1 x %2 is empty</source>
        <translation>la forme %1 x %2 est vide</translation>
    </message>
</context>
<context>
    <name>Boucle::OcrCommand</name>
    <message numerus="yes">
        <location filename="../app/commands/ocrcommand.cpp" line="+84"/>
        <source>%n word(s) read, none below %1</source>
        <translation>
            <numerusform>%n mot lu, aucun sous %1</numerusform>
            <numerusform>%n mots lus, aucun sous %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::OcrRunner</name>
    <message>
        <location filename="../core/documents/ocrrunner.cpp" line="+51"/>
        <source>Tesseract is not installed (no &apos;%1&apos; program found on PATH); install the Debian package tesseract-ocr to read scanned pages</source>
        <translation>Tesseract n&apos;est pas installé (aucun programme «&#xa0;%1&#xa0;» dans le PATH)&#xa0;; installez le paquet Debian tesseract-ocr pour lire les pages numérisées</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the image does not exist</source>
        <translation>l&apos;image n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tesseract (%1) could not be started: %2</source>
        <translation>Tesseract (%1) n&apos;a pas pu être lancé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tesseract did not finish within %1 s</source>
        <translation>Tesseract n&apos;a pas terminé en %1 s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tesseract failed (exit code %1): %2</source>
        <translation>Tesseract a échoué (code de sortie %1)&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tesseract output for %1</source>
        <translation>Sortie de Tesseract pour %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no temporary folder for the rendered pages (%1)</source>
        <translation>pas de dossier temporaire pour les pages rendues (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>page %1 cannot be rendered for Tesseract: %2</source>
        <translation>la page %1 ne peut être rendue pour Tesseract&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>page %1: the rendered page cannot be written to %2</source>
        <translation>page %1&#xa0;: la page rendue ne peut être écrite dans %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>page %1: %2</source>
        <translation>page %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::OutsideExport</name>
    <message>
        <location filename="../core/interop/outsideexport.cpp" line="+19"/>
        <source>wrote %1 images and %2 predicted objects of the batch as %3 to %4</source>
        <translation>%1 images et %2 objets prédits du lot écrits en %3 dans %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wrote %1 images and %2 objects of version %3 as %4 to %5</source>
        <translation>%1 images et %2 objets de la version %3 écrits en %4 dans %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (%1 documents or feature rows left out: this format holds images)</source>
        <translation> (%1 documents ou lignes de caractéristiques laissés de côté&#xa0;: ce format contient des images)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1 image files missing: their stored size was used)</source>
        <translation> (%1 fichiers image manquants&#xa0;: leur taille enregistrée a été utilisée)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the native formats are written by DatasetExporter</source>
        <translation>les formats natifs sont écrits par DatasetExporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is the project file or one of its SQLite files; choose another output</source>
        <translation>%1 est le fichier du projet ou l&apos;un de ses fichiers SQLite&#xa0;; choisissez une autre sortie</translation>
    </message>
</context>
<context>
    <name>Boucle::OutsideImport</name>
    <message>
        <location filename="../core/interop/outsideimport.cpp" line="+58"/>
        <location line="+56"/>
        <source>ImageFolder is written by boucle export, not read</source>
        <translation>ImageFolder est écrit par boucle export, pas lu</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+52"/>
        <source>%1 is the project file itself; nothing was imported</source>
        <translation>%1 est le fichier du projet lui-même&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>the predictions were imported, but the class numbers of the file could not be kept: %1</source>
        <translation>les prédictions ont été importées, mais les numéros de classe du fichier n&apos;ont pas pu être conservés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cancelled; nothing was imported</source>
        <translation>annulé&#xa0;; rien n&apos;a été importé</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 has %n problem(s); nothing was imported</source>
        <translation>
            <numerusform>%1 contient %n problème&#xa0;; rien n&apos;a été importé</numerusform>
            <numerusform>%1 contient %n problèmes&#xa0;; rien n&apos;a été importé</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this %1 file holds predictions (with scores), not ground truth; add it with boucle import</source>
        <translation>ce fichier %1 contient des prédictions (avec scores), pas une vérité terrain&#xa0;; ajoutez-le avec boucle import</translation>
    </message>
</context>
<context>
    <name>Boucle::PdfDocument</name>
    <message>
        <location filename="../core/documents/pdfdocument.cpp" line="+71"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file cannot be read (%1)</source>
        <translation>le fichier ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is empty (0 bytes)</source>
        <translation>le fichier est vide (0 octet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is not a PDF (no %PDF- header)</source>
        <translation>le fichier n&apos;est pas un PDF (pas d&apos;en-tête %PDF-)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the PDF is truncated or damaged (no %%EOF marker at its end)</source>
        <translation>le PDF est tronqué ou endommagé (pas de marqueur %%EOF à la fin)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the PDF is damaged and cannot be read</source>
        <translation>le PDF est endommagé et ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the PDF is encrypted and needs a password</source>
        <translation>le PDF est chiffré et demande un mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the PDF has no pages</source>
        <translation>le PDF n&apos;a aucune page</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>page %1 of %2 cannot be read</source>
        <translation>la page %1 sur %2 ne peut pas être lue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>page %1 has no area (%2 × %3 points)</source>
        <translation>la page %1 n&apos;a pas de surface (%2 × %3 points)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>page %1 is %2 × %3 inches, larger than the %4-inch limit of PDF</source>
        <translation>la page %1 mesure %2 × %3 pouces, plus que la limite de %4 pouces du PDF</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>page %1 does not exist (the document has %2)</source>
        <translation>la page %1 n&apos;existe pas (le document en a %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>page %1 at %2 dpi would be %3 × %4 pixels, more than can be shown</source>
        <translation>la page %1 à %2 ppp ferait %3 × %4 pixels, plus que ce qui peut être affiché</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the PDF is not open</source>
        <translation>le PDF n&apos;est pas ouvert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>page %1 cannot be rendered</source>
        <translation>la page %1 ne peut pas être rendue</translation>
    </message>
</context>
<context>
    <name>Boucle::PostgresRowCopy</name>
    <message>
        <location filename="../core/store/postgresrowcopy.cpp" line="+135"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::PredictionBulkWriter</name>
    <message>
        <location filename="../core/store/predictionbulkwriter.cpp" line="+158"/>
        <source>%1: the disk is full (or the project reached its size limit); %2 was not changed. Free some space and try again.</source>
        <translation>%1&#xa0;: le disque est plein (ou le projet a atteint sa taille maximale)&#xa0;; %2 n’a pas été modifié. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Taking ids for new rows of %1: %2</source>
        <translation>Réservation d’identifiants pour les nouvelles lignes de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>Writing the imported rows to %1</source>
        <translation>Écriture des lignes importées dans %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Adding the sample %1</source>
        <translation>Ajout de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Recording what was seen of the file of sample %1</source>
        <translation>Enregistrement de ce qui a été vu du fichier de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Adding the prediction of line %1</source>
        <translation>Ajout de la prédiction de la ligne %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Looking up the prediction of line %1: %2</source>
        <translation>Recherche de la prédiction de la ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::PredictionLogLine</name>
    <message>
        <location filename="../core/learning/predictionlogline.cpp" line="+69"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::PredictionLogReader</name>
    <message>
        <location filename="../core/ingest/jsonlinekernel.inc" line="+71"/>
        <location line="+15"/>
        <source>an invalid value</source>
        <translation>une valeur invalide</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+136"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+145"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-143"/>
        <location line="+57"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+118"/>
        <location line="+603"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="-719"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+597"/>
        <location line="+36"/>
        <location line="+114"/>
        <source>the last line is truncated: the file ends inside a JSON value</source>
        <translation>la dernière ligne est tronquée&#xa0;: le fichier se termine au milieu d&apos;une valeur JSON</translation>
    </message>
    <message>
        <location line="-742"/>
        <location line="+600"/>
        <source>malformed JSON (%1)</source>
        <translation>JSON mal formé (%1)</translation>
    </message>
    <message>
        <location line="-589"/>
        <source>expected %1, found %2</source>
        <translation>attendu %1, trouvé %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+574"/>
        <location filename="../core/ingest/predictionlogreader.cpp" line="+688"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>NaN et les nombres infinis ne sont pas admis</translation>
    </message>
    <message>
        <location line="-557"/>
        <source>%1 is not a finite number (beyond ±1.8e308)</source>
        <translation>%1 n’est pas un nombre fini (au-delà de ±1.8e308)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not a valid number</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre valide</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1 does not fit a 32-bit float (at most ±3.4e38)</source>
        <translation>%1 ne tient pas dans un flottant 32&#xa0;bits (au plus ±3.4e38)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>probabilities given as an array need a classes header (first line {&quot;classes&quot;: [...]}); give them as an object {&quot;label&quot;: p} instead</source>
        <translation>des probabilités données sous forme de tableau demandent un en-tête de classes (première ligne {&quot;classes&quot;: [...]})&#xa0;; donnez-les plutôt sous forme d&apos;objet {&quot;label&quot;: p}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 probabilities for %2 classes</source>
        <translation>%1 probabilités pour %2 classes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an array or an object {label: probability}</source>
        <translation>un tableau ou un objet {label: probabilité}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>a committee member needs a label or probabilities</source>
        <translation>un membre du comité doit avoir une étiquette ou des probabilités</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>each committee member needs the model that voted</source>
        <translation>chaque membre du comité doit indiquer le modèle qui a voté</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>each polygon point is [x, y]</source>
        <translation>chaque point de polygone est [x, y]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a polygon needs at least 3 points</source>
        <translation>un polygone demande au moins 3 points</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a mask&apos;s size is [height, width], whole numbers from 1 to 100000</source>
        <translation>la taille d&apos;un masque est [hauteur, largeur], en nombres entiers de 1 à 100000</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>mask counts are not readable</source>
        <translation>les plages du masque sont illisibles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mask counts are not a valid compressed run-length string</source>
        <translation>les plages du masque ne forment pas une chaîne RLE compressée valide</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mask counts are whole numbers from 0</source>
        <translation>les plages d&apos;un masque sont des nombres entiers à partir de 0</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a mask needs a size and counts</source>
        <translation>un masque a besoin d&apos;une taille (size) et de plages (counts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a mask&apos;s counts add up to %1 pixels, not height × width = %2</source>
        <translation>les plages du masque totalisent %1 pixels, et non hauteur × largeur = %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a mask sets no pixel</source>
        <translation>le masque ne couvre aucun pixel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a frame number is a whole number from 0</source>
        <translation>un numéro de trame est un entier à partir de 0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a frame number is at most %1</source>
        <translation>un numéro de trame vaut au plus %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a score lies between 0 and 1</source>
        <translation>un score est compris entre 0 et 1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a box is [x, y, width, height]</source>
        <translation>une boîte est [x, y, largeur, hauteur]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a box has no negative width or height</source>
        <translation>une boîte n&apos;a ni largeur ni hauteur négative</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a span is [start, end] with 0 &lt;= start &lt;= end</source>
        <translation>un segment est [début, fin] avec 0 &lt;= début &lt;= fin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a span&apos;s start and end are at most %1</source>
        <translation>le début et la fin d’un empan valent au plus %1</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>a page number is a whole number from 0</source>
        <translation>un numéro de page est un nombre entier à partir de 0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a page number is at most %1</source>
        <translation>un numéro de page vaut au plus %1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>an object&apos;s page %1 and frame %2 differ; give one</source>
        <translation>la page %1 et la trame %2 d’un objet diffèrent&#xa0;; n’en donnez qu’une</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>each object needs a label</source>
        <translation>chaque objet doit avoir une étiquette</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>each upstream flag names its trigger</source>
        <translation>chaque signalement amont nomme son déclencheur</translation>
    </message>
    <message>
        <location filename="../core/ingest/predictionlogreader.cpp" line="-560"/>
        <source>a class name is empty</source>
        <translation>un nom de classe est vide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown class &apos;%1&apos;; the classes header does not list it</source>
        <translation>classe «&#xa0;%1&#xa0;» inconnue&#xa0;; l&apos;en-tête des classes ne la mentionne pas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown class &apos;%1&apos;</source>
        <translation>classe «&#xa0;%1&#xa0;» inconnue</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 classes are more than a project may hold (%2)</source>
        <translation>%1&#xa0;classes, c’est plus qu’un projet ne peut en contenir (%2)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>probability %1 of class &apos;%2&apos; lies outside 0..1</source>
        <translation>la probabilité %1 de la classe «&#xa0;%2&#xa0;» sort de 0..1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>probabilities sum to %1, not 1</source>
        <translation>la somme des probabilités vaut %1, pas 1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this is a folder, not a prediction log</source>
        <translation>c&apos;est un dossier, pas un journal de prédictions</translation>
    </message>
    <message>
        <location line="+429"/>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre fini</translation>
    </message>
    <message>
        <location line="-420"/>
        <source>the log is empty</source>
        <translation>le journal est vide</translation>
    </message>
    <message>
        <location filename="../core/ingest/jsonlinekernel.inc" line="-33"/>
        <source>each object needs a bbox, a polygon, a mask or a span</source>
        <translation>chaque objet a besoin d&apos;une boîte (bbox), d&apos;un polygone, d&apos;un masque ou d&apos;un empan (span)</translation>
    </message>
    <message>
        <location filename="../core/ingest/predictionlogreader.cpp" line="+12"/>
        <source>the log holds no predictions</source>
        <translation>le journal ne contient aucune prédiction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the first line is longer than %1 MiB</source>
        <translation>la première ligne dépasse %1 Mio</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>malformed JSON in the classes header (%1 at byte %2)</source>
        <translation>JSON mal formé dans l’en-tête des classes (%1 à l’octet %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the classes header is a list of class names</source>
        <translation>l&apos;en-tête des classes est une liste de noms de classes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the classes header lists no class</source>
        <translation>l&apos;en-tête des classes ne mentionne aucune classe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a class name is a non-empty string</source>
        <translation>un nom de classe est une chaîne non vide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class &apos;%1&apos; is listed twice</source>
        <translation>la classe «&#xa0;%1&#xa0;» figure deux fois</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>reading failed after %1 bytes (%2)</source>
        <translation>la lecture a échoué après %1 octets (%2)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the line is longer than %1 MiB; it was not read</source>
        <translation>la ligne dépasse %1 Mio&#xa0;; elle n&apos;a pas été lue</translation>
    </message>
    <message>
        <location filename="../core/ingest/jsonlinekernel.inc" line="+111"/>
        <source>each line is a JSON object {...}</source>
        <translation>chaque ligne est un objet JSON {...}</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../core/ingest/predictionlogreader.cpp" line="+265"/>
        <source>confidence %1 lies outside 0..1</source>
        <translation>la confiance %1 sort de 0..1</translation>
    </message>
    <message>
        <location line="+41"/>
        <location filename="../core/ingest/predictionlogreader.cpp" line="+28"/>
        <source>&apos;%1&apos; is not an ISO-8601 time such as 2024-05-01T12:30:00Z</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une heure ISO 8601 comme 2024-05-01T12:30:00Z</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unexpected text after the JSON object: %1</source>
        <translation>texte inattendu après l’objet JSON&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected text after the JSON object</source>
        <translation>texte inattendu après l&apos;objet JSON</translation>
    </message>
    <message>
        <location filename="../core/ingest/predictionlogreader.cpp" line="-256"/>
        <source>the sample path is missing</source>
        <translation>le chemin de l&apos;échantillon est absent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the model is missing (write name@version)</source>
        <translation>le modèle est absent (écrivez nom@version)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is not name@version (e.g. resnet50@2024-05-01)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme nom@version (par exemple resnet50@2024-05-01)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>give label and confidence, or probs (or objects)</source>
        <translation>donnez label et confidence, ou probs (ou objects)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a label needs its confidence (or give probs)</source>
        <translation>une étiquette demande sa confiance (ou donnez probs)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 values; earlier lines of model %2 have %3</source>
        <translation>%1 valeurs&#xa0;; les lignes précédentes du modèle %2 en ont %3</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>a quoted cell is not closed</source>
        <translation>une cellule entre guillemets n&apos;est pas fermée</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the column &apos;%1&apos; appears twice</source>
        <translation>la colonne «&#xa0;%1&#xa0;» apparaît deux fois</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the first line of a CSV log names its columns: sample,model,label,confidence[,p_&lt;class&gt;...]</source>
        <translation>la première ligne d&apos;un journal CSV nomme ses colonnes&#xa0;: sample,model,label,confidence[,p_&lt;classe&gt;...]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the CSV log needs a label column or p_&lt;class&gt; columns</source>
        <translation>le journal CSV demande une colonne label ou des colonnes p_&lt;classe&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the last line is truncated: %1</source>
        <translation>la dernière ligne est tronquée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the last line is truncated: %1 of %2 columns</source>
        <translation>la dernière ligne est tronquée&#xa0;: %1 colonnes sur %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 columns where the header has %2</source>
        <translation>%1 colonnes alors que l&apos;en-tête en a %2</translation>
    </message>
</context>
<context>
    <name>Boucle::PredictionTableQuery</name>
    <message>
        <location filename="../core/store/predictiontablequery.cpp" line="+27"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>the project has no model %1</source>
        <translation>le projet n&apos;a pas de modèle %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+191"/>
        <location line="+85"/>
        <source>Reading the predictions</source>
        <translation>Lecture des prédictions</translation>
    </message>
    <message>
        <location line="-235"/>
        <location line="+167"/>
        <source>Reading predictions</source>
        <translation>Lecture des prédictions</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Reading the samples in open batches of %1</source>
        <translation>Lecture des échantillons des lots ouverts de %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the reviewed samples of %1</source>
        <translation>Lecture des échantillons revus de %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the reviewed predictions of %1</source>
        <translation>Lecture des prédictions revues de %1</translation>
    </message>
    <message>
        <location line="-592"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>Boucle::ProjectLocation</name>
    <message>
        <location filename="../core/store/projectlocation.cpp" line="+15"/>
        <source>The project address %1 cannot be used: %2</source>
        <translation>L&apos;adresse de projet %1 est inutilisable&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No project file or address was given.</source>
        <translation>Aucun fichier ni adresse de projet n&apos;a été donné.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+81"/>
        <source>it holds a password. Addresses are kept in shell history, recent-project lists and logs; put the password in ~/.pgpass instead (or let Boucle ask for it).</source>
        <translation>elle contient un mot de passe. Les adresses restent dans l&apos;historique du shell, la liste des projets récents et les journaux&#xa0;; mettez plutôt le mot de passe dans ~/.pgpass (ou laissez Boucle le demander).</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>the IPv6 address in the host has no closing &apos;]&apos;.</source>
        <translation>l&apos;adresse IPv6 de l&apos;hôte n&apos;a pas de «&#xa0;]&#xa0;» fermant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected text after the IPv6 address.</source>
        <translation>texte inattendu après l&apos;adresse IPv6.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+32"/>
        <source>the port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>le port «&#xa0;%1&#xa0;» n&apos;est pas un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>it names no database (postgresql://host/DATABASE?project=NAME).</source>
        <translation>elle ne nomme aucune base (postgresql://hôte/BASE?project=NOM).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database name &quot;%1&quot; contains &apos;/&apos;.</source>
        <translation>le nom de base «&#xa0;%1&#xa0;» contient «&#xa0;/&#xa0;».</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>sslmode &quot;%1&quot; is not one of %2.</source>
        <translation>sslmode «&#xa0;%1&#xa0;» n&apos;est pas parmi %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the parameter &quot;%1&quot; is not known (project, host, port, user and sslmode are).</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» est inconnu (project, host, port, user et sslmode sont connus).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it names no project (add ?project=NAME).</source>
        <translation>elle ne nomme aucun projet (ajoutez «&#xa0;?project=NOM&#xa0;»).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the project name &quot;%1&quot; must be 1 to 63 lower-case letters, digits or &apos;_&apos;, start with a letter or &apos;_&apos;, and not start with pg_.</source>
        <translation>le nom de projet «&#xa0;%1&#xa0;» doit compter de 1 à 63 minuscules, chiffres ou «&#xa0;_&#xa0;», commencer par une lettre ou «&#xa0;_&#xa0;», et ne pas commencer par pg_.</translation>
    </message>
</context>
<context>
    <name>Boucle::ProjectRoles</name>
    <message>
        <location filename="../core/store/projectstore_roles.cpp" line="+72"/>
        <source>a viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an annotator</source>
        <translation>annotateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an expert</source>
        <translation>expert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a lead</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
</context>
<context>
    <name>Boucle::ProjectStore</name>
    <message>
        <location filename="../core/store/projectstore.cpp" line="+139"/>
        <source>%1: %2 is locked by another process (waited %3 s); nothing was changed</source>
        <translation>%1&#xa0;: %2 est verrouillé par un autre processus (attente de %3 s)&#xa0;; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 cannot be written (read-only); nothing was changed</source>
        <translation>%1&#xa0;: %2 ne peut pas être écrit (lecture seule)&#xa0;; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 is damaged (%3)</source>
        <translation>%1&#xa0;: %2 est endommagé (%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <location filename="../core/store/storecursor.cpp" line="+109"/>
        <source>%1: %2 (%3)</source>
        <translation>%1&#xa0;: %2 (%3)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>%1 is not a Boucle project (not an SQLite database)</source>
        <translation>%1 n&apos;est pas un projet Boucle (ce n&apos;est pas une base SQLite)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>%1 cannot be written (read-only file or folder); open it read-only or fix its permissions</source>
        <translation>%1 ne peut pas être écrit (fichier ou dossier en lecture seule)&#xa0;; ouvrez-le en lecture seule ou corrigez ses droits</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>%1: the disk is full (or the project reached its size limit); %2 was not changed. Free some space and try again.</source>
        <translation>%1&#xa0;: le disque est plein (ou le projet a atteint sa taille maximale)&#xa0;; %2 n’a pas été modifié. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>%1 is not a Boucle project (not a regular file)</source>
        <translation>%1 n’est pas un projet Boucle (pas un fichier ordinaire)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 could not be opened: %2</source>
        <translation>%1 n&apos;a pas pu être ouvert&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+6"/>
        <location line="+8"/>
        <source>Opening the project</source>
        <translation>Ouverture du projet</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+26"/>
        <source>Reading the project</source>
        <translation>Lecture du projet</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 is not a Boucle project (an empty file)</source>
        <translation>%1 n’est pas un projet Boucle (un fichier vide)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is damaged (its SQLite header cannot be read)</source>
        <translation>%1 est endommagé (son en-tête SQLite est illisible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is an SQLite database but not a Boucle project</source>
        <translation>%1 est une base SQLite mais pas un projet Boucle</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 was written by a newer Boucle (schema %2; this Boucle reads up to %3); nothing was changed</source>
        <translation>%1 a été écrit par un Boucle plus récent (schéma %2&#xa0;; ce Boucle lit jusqu&apos;au schéma %3)&#xa0;; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 uses schema %2 and must be upgraded to %3; open it read-write once</source>
        <translation>%1 utilise le schéma %2 et doit être mis à niveau vers le %3&#xa0;; ouvrez-le une fois en lecture-écriture</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+242"/>
        <source>%1 already exists; nothing was changed</source>
        <translation>%1 existe déjà&#xa0;; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder of %1 does not exist</source>
        <translation>le dossier de %1 n&apos;existe pas</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+16"/>
        <location line="+235"/>
        <source>Creating the project</source>
        <translation>Création du projet</translation>
    </message>
    <message>
        <location line="-345"/>
        <source>%1: %2 is locked by another writer (waited %3 s); nothing was changed</source>
        <translation>%1&#xa0;: %2 est verrouillé par un autre rédacteur (attente de %3&#xa0;s)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 cannot be written (%3); nothing was changed</source>
        <translation>%1&#xa0;: impossible d’écrire dans %2 (%3)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the server&apos;s disk is full; %2 was not changed.</source>
        <translation>%1&#xa0;: le disque du serveur est plein&#xa0;; %2 n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the server of %2 cannot be reached (%3); nothing was changed</source>
        <translation>%1&#xa0;: le serveur de %2 est injoignable (%3)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Looking for the project %1</source>
        <translation>Recherche du projet %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>there is no project %1 on the server of %2; create it first (boucle init %2)</source>
        <translation>il n’y a pas de projet %1 sur le serveur de %2&#xa0;; créez-le d’abord (boucle init %2)</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>%1 is not a Boucle project (the schema %2 on that database holds something else)</source>
        <translation>%1 n’est pas un projet Boucle (le schéma %2 de cette base contient autre chose)</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Upgrading %1 to schema %2 makes its roles on the server, which only its owner may do, with the right to create roles (CREATEROLE); nothing was changed (%3)</source>
        <translation>La mise à niveau de %1 vers le schéma %2 crée ses rôles sur le serveur, ce que seul son propriétaire peut faire, avec le droit de créer des rôles (CREATEROLE)&#xa0;; rien n’a été modifié (%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Upgrading the project to schema %1</source>
        <translation>Mise à niveau du projet vers le schéma %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Saving the setting %1</source>
        <translation>Enregistrement du réglage %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a class name cannot be empty</source>
        <translation>un nom de classe ne peut pas être vide</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Adding the class %1</source>
        <translation>Ajout de la classe %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>there is no class &apos;%1&apos;</source>
        <translation>il n&apos;y a pas de classe «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retiring the class %1</source>
        <translation>Retrait de la classe %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>sample path &apos;%1&apos; must be relative to the data root and stay inside it</source>
        <translation>le chemin d&apos;échantillon «&#xa0;%1&#xa0;» doit être relatif à la racine des données et rester à l&apos;intérieur</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Adding the sample %1</source>
        <translation>Ajout de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Marking sample %1</source>
        <translation>Marquage de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>a model needs a name and a version (name@version)</source>
        <translation>un modèle doit avoir un nom et une version (nom@version)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Adding the model %1</source>
        <translation>Ajout du modèle %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>there is no model %1</source>
        <translation>il n&apos;y a pas de modèle %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Adding a prediction for sample %1</source>
        <translation>Ajout d&apos;une prédiction pour l&apos;échantillon %1</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_audit.cpp" line="+113"/>
        <source>Reading %1 row %2 for the audit chain</source>
        <translation>Lecture de %1, ligne %2, pour la chaîne d&apos;audit</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Appending to the audit chain</source>
        <translation>Ajout à la chaîne d&apos;audit</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>upgrade to schema %1 by %2</source>
        <translation>mise à niveau vers le schéma %1 par %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sealing the new rows of %1</source>
        <translation>Scellement des nouvelles lignes de %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Sealing the new rows of %1: they cannot be read (%2)</source>
        <translation>Scellement des nouvelles lignes de %1&#xa0;: elles sont illisibles (%2)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Sealing the new rows: where the tables end cannot be read (%1)</source>
        <translation>Scellement des nouvelles lignes&#xa0;: la fin des tables est illisible (%1)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sealing the project settings</source>
        <translation>Scellement des réglages du projet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sealing the retired classes</source>
        <translation>Scellement des classes retirées</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>the audit chain&apos;s sealed ranges (audit_ranges) cannot be read</source>
        <translation>les plages scellées de la chaîne d’audit (audit_ranges) sont illisibles</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the audit chain cannot be read</source>
        <translation>la chaîne d&apos;audit ne peut pas être lue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>audit row %1 was altered (the chain breaks there)</source>
        <translation>la ligne d&apos;audit %1 a été modifiée (la chaîne se rompt à cet endroit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the audit chain was rewritten: its entry %1 (audit row %2) has the hash %3…, the anchor recorded %4…</source>
        <translation>la chaîne d’audit a été réécrite&#xa0;: son entrée %1 (ligne d’audit %2) a l’empreinte %3…, l’ancre avait enregistré %4…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>audit row %1 seals %2 rows %3 but what it sealed (audit_ranges row %1) was deleted</source>
        <translation>la ligne d’audit %1 scelle les lignes %3 de %2, mais ce qu’elle scellait (ligne %1 de audit_ranges) a été supprimé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>audit_ranges row %1 was altered (it no longer matches audit row %1)</source>
        <translation>la ligne %1 de audit_ranges a été modifiée (elle ne correspond plus à la ligne d’audit %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+150"/>
        <source>%1 cannot be read</source>
        <translation>%1 est illisible</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>sealed by %1 at %2, audit row %3</source>
        <translation>scellé par %1 le %2, ligne d’audit %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows %2 to %3 were altered after they were sealed (%4)</source>
        <translation>les lignes %2 à %3 de %1 ont été modifiées après leur scellement (%4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 row %2 was altered after it was recorded (%3)</source>
        <translation>la ligne %2 de %1 a été modifiée après son enregistrement (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 row %2 was deleted (%3)</source>
        <translation>la ligne %2 de %1 a été supprimée (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 row %2 was added outside Boucle (among rows %3 to %4, %5)</source>
        <translation>la ligne %2 de %1 a été ajoutée hors de Boucle (parmi les lignes %3 à %4, %5)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>audit row %1 names an unknown table &apos;%2&apos;</source>
        <translation>la ligne d&apos;audit %1 nomme une table inconnue «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>classes row %1 is no longer retired (retired by %2 at %3, audit row %4)</source>
        <translation>la ligne %1 de classes n’est plus retirée (retirée par %2 le %3, ligne d’audit %4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 row %2 was deleted (recorded by %3 at %4, audit row %5)</source>
        <translation>%1, ligne %2, a été supprimée (enregistrée par %3 le %4, ligne d&apos;audit %5)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 row %2 was altered after it was recorded (by %3 at %4, audit row %5)</source>
        <translation>%1, ligne %2, a été modifiée après son enregistrement (par %3 le %4, ligne d&apos;audit %5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the audit chain was cut: it holds %1 entries, the anchor recorded %2 (head %3…); the last %4 entries and the rows they recorded are gone</source>
        <translation>la chaîne d’audit a été coupée&#xa0;: elle compte %1&#xa0;entrées, l’ancre en avait enregistré %2 (tête %3…)&#xa0;; les %4 dernières entrées et les lignes qu’elles enregistraient ont été supprimées</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>classes row %1 was retired outside Boucle (its retirement has no audit entry)</source>
        <translation>la ligne %1 de classes a été retirée hors de Boucle (son retrait n’a pas d’entrée d’audit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 row %2 was added outside Boucle (it has no audit entry)</source>
        <translation>%1, ligne %2, a été ajoutée hors de Boucle (elle n&apos;a pas d&apos;entrée d&apos;audit)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>project setting row %1 was deleted (recorded by %2 at %3, audit row %4)</source>
        <translation>la ligne de réglage du projet %1 a été supprimée (enregistrée par %2 le %3, ligne d’audit %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>project setting &apos;%1&apos; (row %2) was changed outside Boucle (last recorded by %3 at %4, audit row %5)</source>
        <translation>le réglage du projet «&#xa0;%1&#xa0;» (ligne %2) a été modifié hors de Boucle (dernier enregistrement par %3 le %4, ligne d’audit %5)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>project setting &apos;%1&apos; (row %2) was added outside Boucle (it has no audit entry)</source>
        <translation>le réglage du projet «&#xa0;%1&#xa0;» (ligne %2) a été ajouté hors de Boucle (il n’a pas d’entrée d’audit)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 row %2 was added outside Boucle (no audit entry seals it)</source>
        <translation>la ligne %2 de %1 a été ajoutée hors de Boucle (aucune entrée d’audit ne la scelle)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds rows that no audit entry seals</source>
        <translation>%1 contient des lignes qu’aucune entrée d’audit ne scelle</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>version %1 no longer matches its hash: its changes (label_revisions with version_added = %1) or its fields were altered</source>
        <translation>la version %1 ne correspond plus à son empreinte&#xa0;: ses changements (label_revisions avec version_added = %1) ou ses champs ont été modifiés</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>label_closures cannot be read</source>
        <translation>label_closures est illisible</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>label_revisions cannot be read</source>
        <translation>label_revisions est illisible</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>label_revisions row %1 is in the working state but marked superseded or closed</source>
        <translation>la ligne %1 de label_revisions est dans l’état de travail mais marquée remplacée ou close</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>label_revisions row %1 is in the working state but sample %2 has a newer revision (row %3)</source>
        <translation>la ligne %1 de label_revisions est dans l’état de travail mais l’échantillon %2 a une révision plus récente (ligne %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>label_revisions row %1 was never committed but is not marked superseded (version_closed %2, superseded %3)</source>
        <translation>la ligne %1 de label_revisions n’a jamais été validée mais n’est pas marquée remplacée (version_closed %2, superseded %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>label_revisions row %1 was committed in version %2, which does not exist</source>
        <translation>la ligne %1 de label_revisions a été validée dans la version %2, qui n’existe pas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label_revisions row %1 was committed in version %2 but is marked superseded</source>
        <translation>la ligne %1 de label_revisions a été validée dans la version %2 mais est marquée remplacée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label_revisions row %1 was committed in version %2, before the older row %3 (version %4)</source>
        <translation>la ligne %1 de label_revisions a été validée dans la version %2, avant la ligne plus ancienne %3 (version %4)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>label_revisions row %1 has a closure at version %2 in label_closures, but no later version changes sample %3</source>
        <translation>la ligne %1 de label_revisions est close à la version %2 dans label_closures, mais aucune version ultérieure ne change l’échantillon %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>label_revisions row %1 was closed by version %2, but label_closures holds no closure for it</source>
        <translation>la ligne %1 de label_revisions a été close par la version %2, mais label_closures ne contient pas sa clôture</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label_revisions row %1 has a closure at version %2 in label_closures, but it must be %3: the version that next changed sample %4</source>
        <translation>la ligne %1 de label_revisions est close à la version %2 dans label_closures, mais ce doit être %3&#xa0;: la version qui a ensuite changé l’échantillon %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>label_revisions row %1 has version_closed %2, but it must be empty: no later version changes sample %3</source>
        <translation>la ligne %1 de label_revisions a version_closed %2, mais il doit être vide&#xa0;: aucune version ultérieure ne change l’échantillon %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label_revisions row %1 has version_closed %2, but it must be %3: the version that next changed sample %4</source>
        <translation>la ligne %1 de label_revisions a version_closed %2, mais il doit valoir %3&#xa0;: la version qui a ensuite changé l’échantillon %4</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>label_closures closes row %1 of label_revisions at version %2, but that row is not a committed revision</source>
        <translation>label_closures clôt la ligne %1 de label_revisions à la version %2, mais cette ligne n’est pas une révision validée</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>reviews cannot be read</source>
        <translation>reviews est illisible</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>reviews row %1 has an unknown action &apos;%2&apos;</source>
        <translation>la ligne %1 de reviews a une action inconnue «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>batch_items cannot be read</source>
        <translation>batch_items est illisible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>batch_items row %1 has the status &apos;%2&apos;, but its reviews say &apos;%3&apos;</source>
        <translation>la ligne %1 de batch_items a le statut «&#xa0;%2&#xa0;», mais ses revues disent «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>review_stages cannot be read</source>
        <translation>review_stages est illisible</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>review_stages row of batch item %1 says &apos;%2&apos; (round from review %3), but its reviews say &apos;%4&apos; (round from review %5)</source>
        <translation>la ligne de review_stages de l’élément de lot %1 dit «&#xa0;%2&#xa0;» (tour depuis la revue %3), mais ses revues disent «&#xa0;%4&#xa0;» (%5)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the review_stages row of batch item %1 was deleted: its reviews say &apos;%2&apos;</source>
        <translation>la ligne de review_stages de l’élément de lot %1 a été supprimée&#xa0;: ses revues disent «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_batches.cpp" line="+60"/>
        <source>a batch needs a name</source>
        <translation>un lot doit avoir un nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a batch named &apos;%1&apos; already exists</source>
        <translation>un lot nommé «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Adding the batch %1</source>
        <translation>Ajout du lot %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Adding item %1 of batch %2</source>
        <translation>Ajout de l&apos;élément %1 du lot %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Adding the reasons of item %1</source>
        <translation>Ajout des motifs de l&apos;élément %1</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>a review needs the reviewer&apos;s name</source>
        <translation>une revue doit porter le nom du relecteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an undo must name the review it undoes</source>
        <translation>une annulation doit nommer la revue qu&apos;elle annule</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Recording the review of sample %1</source>
        <translation>Enregistrement de la revue de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+20"/>
        <source>Updating the status of item %1</source>
        <translation>Mise à jour du statut de l&apos;élément %1</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_dataset.cpp" line="+90"/>
        <source>a label change needs an author</source>
        <translation>un changement d&apos;étiquette doit avoir un auteur</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+4"/>
        <source>Reading the label of sample %1</source>
        <translation>Lecture de l&apos;étiquette de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+15"/>
        <source>there is no sample %1</source>
        <translation>il n&apos;y a pas d&apos;échantillon %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the class &apos;%1&apos; is retired; it cannot be given to %2</source>
        <translation>la classe «&#xa0;%1&#xa0;» est retirée&#xa0;; elle ne peut pas être attribuée à %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Replacing the working label of %1</source>
        <translation>Remplacement de l&apos;étiquette de travail de %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Writing the label of %1</source>
        <translation>Écriture de l&apos;étiquette de %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a version needs an author</source>
        <translation>une version doit avoir un auteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a version needs a message</source>
        <translation>une version doit avoir un message</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reading the working changes</source>
        <translation>Lecture des changements en cours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing to commit: the working labels equal version %1</source>
        <translation>rien à enregistrer&#xa0;: les étiquettes de travail sont identiques à la version %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <location line="+6"/>
        <location line="+33"/>
        <source>Committing version %1</source>
        <translation>Enregistrement de la version %1</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Reading the labels of version %1</source>
        <translation>Lecture des étiquettes de la version %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Comparing %1 with %2</source>
        <translation>Comparaison de %1 avec %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>the working state</source>
        <translation>l&apos;état de travail</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>there is no version %1</source>
        <translation>il n&apos;y a pas de version %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>revert of version %1</source>
        <translation>annulation de la version %1</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_adjudication.cpp" line="+26"/>
        <source>there is no review %1 to give a role</source>
        <translation>il n&apos;y a pas de revue %1 à laquelle attribuer un rôle</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recording the role of review %1</source>
        <translation>Enregistrement du rôle de la revue %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+9"/>
        <source>Updating the review stage of item %1</source>
        <translation>Mise à jour de l&apos;étape de revue de l&apos;élément %1</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_automation.cpp" line="+107"/>
        <source>Recording the run of the %1 hook</source>
        <translation>Enregistrement de l&apos;exécution du crochet %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Recording %1 in the ledger of watched files</source>
        <translation>Enregistrement de %1 dans le registre des fichiers surveillés</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_content.cpp" line="+67"/>
        <source>Recording what was seen of the file of sample %1</source>
        <translation>Enregistrement de ce qui a été vu du fichier de l&apos;échantillon %1</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore.cpp" line="-192"/>
        <source>Reading the samples</source>
        <translation>Lecture des échantillons</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_copy.cpp" line="+29"/>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the tables of the project cannot be listed: %1</source>
        <translation>impossible de lister les tables du projet&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>no project is open</source>
        <translation>aucun projet n’est ouvert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 uses schema %2 and must be upgraded to %3 before it is copied; open it read-write once</source>
        <translation>%1 utilise le schéma %2 et doit passer au schéma %3 avant d’être copié&#xa0;; ouvrez-le une fois en écriture</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 does not verify (%2); nothing was copied</source>
        <translation>%1 ne passe pas la vérification (%2)&#xa0;; rien n’a été copié</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the table %1 of %2 has no place in the copy</source>
        <translation>la table %1 de %2 n’a pas de place dans la copie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copying to %1: %2: %3</source>
        <translation>Copie vers %1&#xa0;: %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>starting the copy</source>
        <translation>début de la copie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>preparing %1</source>
        <translation>préparation de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>preparing the copy</source>
        <translation>préparation de la copie</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>Reading %1 of %2: %3</source>
        <translation>Lecture de %1 de %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>writing %1</source>
        <translation>écriture de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>writing row %1 of %2</source>
        <translation>écriture de la ligne %1 de %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>finishing %1</source>
        <translation>fin de %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+13"/>
        <source>finishing the copy</source>
        <translation>fin de la copie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>saving the copy</source>
        <translation>enregistrement de la copie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the copy at %1 does not verify (%2); it was removed</source>
        <translation>la copie %1 ne passe pas la vérification (%2)&#xa0;; elle a été supprimée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the copy at %1 ends its audit chain at entry %2, the project at entry %3; it was removed</source>
        <translation>la copie %1 termine sa chaîne d’audit à l’entrée %2, le projet à l’entrée %3&#xa0;; elle a été supprimée</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_leases.cpp" line="+171"/>
        <source>a lease lasts from 1 minute to 24 hours (1440 minutes), not %1</source>
        <translation>une réservation dure de 1 minute à 24 heures (1440 minutes), pas %1</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+336"/>
        <source>a lease needs the reviewer&apos;s name</source>
        <translation>une réservation demande le nom du relecteur</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>%1 is open read-only; no item can be taken</source>
        <translation>%1 est ouvert en lecture seule&#xa0;; aucun élément ne peut être pris</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Finding the next item of batch %1</source>
        <translation>Recherche de l’élément suivant du lot %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+112"/>
        <location line="+18"/>
        <source>Taking item %1 for review</source>
        <translation>Prise de l’élément %1 pour relecture</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+153"/>
        <source>there is no batch item %1</source>
        <translation>il n’y a pas d’élément de lot %1</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Item %1 waits for a second, independent answer and you gave the first one: another reviewer gives it.</source>
        <translation>L’élément %1 attend une seconde réponse indépendante et vous avez donné la première&#xa0;: un autre relecteur la donnera.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Item %1 could not be taken for review.</source>
        <translation>L’élément %1 n’a pas pu être pris pour relecture.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item %1 is held by %2 in another window since %3.</source>
        <translation>L’élément %1 est tenu par %2 dans une autre fenêtre depuis %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item %1 is held by %2 since %3.</source>
        <translation>L’élément %1 est tenu par %2 depuis %3.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Renewing this window&apos;s items</source>
        <translation>Renouvellement des éléments de cette fenêtre</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Releasing item %1</source>
        <translation>Libération de l’élément %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Releasing this window&apos;s items</source>
        <translation>Libération des éléments de cette fenêtre</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is %2 on project %3: taking an item another reviewer holds needs the lead role; nothing was changed</source>
        <translation>%1 est %2 sur le projet %3&#xa0;: reprendre un élément tenu par un autre relecteur demande le rôle lead&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>without a role</source>
        <translation>sans rôle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only a lead may take an item another reviewer holds, and this project names no lead (setting %1); nothing was changed.</source>
        <translation>Seul un responsable peut prendre un élément tenu par un autre relecteur, et ce projet ne nomme aucun responsable (réglage %1)&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a lead (%1) may take an item another reviewer holds; %2 is not one, so nothing was changed.</source>
        <translation>Seul un responsable (%1) peut prendre un élément tenu par un autre relecteur&#xa0;; %2 n’en est pas un, rien n’a donc été modifié.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say why you take the item from its holder: the reason is kept in the audit.</source>
        <translation>Dites pourquoi vous prenez l’élément à celui qui le tient&#xa0;: la raison est conservée dans l’audit.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Taking item %1</source>
        <translation>Prise de l’élément %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item %1 changed hands meanwhile; nothing was changed.</source>
        <translation>L’élément %1 a changé de mains entre-temps&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+8"/>
        <source>Recording the steal of item %1</source>
        <translation>Enregistrement de la reprise de l’élément %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <source>Reading who holds item %1</source>
        <translation>Lecture du détenteur de l’élément %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Item %1 is now held by %2 since %3; your undo was not saved.</source>
        <translation>L’élément %1 est désormais tenu par %2 depuis %3&#xa0;; votre annulation n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item %1 is now held by %2 since %3; your decision was not saved.</source>
        <translation>L’élément %1 est désormais tenu par %2 depuis %3&#xa0;; votre décision n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item %1 was taken by %2 at %3 after your lease ran out; your undo was not saved.</source>
        <translation>L’élément %1 a été pris par %2 à %3 après l’expiration de votre réservation&#xa0;; votre annulation n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item %1 was taken by %2 at %3 after your lease ran out; your decision was not saved.</source>
        <translation>L’élément %1 a été pris par %2 à %3 après l’expiration de votre réservation&#xa0;; votre décision n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the second answer of item %1</source>
        <translation>Contrôle de la seconde réponse de l’élément %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Item %1 waits for a second, independent answer and %2 gave the first one: another reviewer must give it; nothing was saved.</source>
        <translation>L’élément %1 attend une seconde réponse indépendante et %2 a donné la première&#xa0;: un autre relecteur doit la donner&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_leaselist.cpp" line="+17"/>
        <source>Reading the leases</source>
        <translation>Lecture des baux</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_roles.cpp" line="+192"/>
        <source>%1 is a project file: its readers and writers are whoever the file&apos;s permissions let in; roles belong to server projects</source>
        <translation>%1 est un fichier de projet&#xa0;: le lit et l’écrit quiconque y est autorisé par les permissions du fichier&#xa0;; les rôles sont ceux des projets sur serveur</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+15"/>
        <location line="+35"/>
        <source>Reading the roles of %1</source>
        <translation>Lecture des rôles de %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1 is a project file: who may read or write it is a matter of the file&apos;s permissions; roles belong to server projects</source>
        <translation>%1 est un fichier de projet&#xa0;: qui peut le lire ou l’écrire dépend des permissions du fichier&#xa0;; les rôles sont ceux des projets sur serveur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is open read-only; no role was changed</source>
        <translation>%1 est ouvert en lecture seule&#xa0;; aucun rôle n’a été modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the roles are viewer, annotator, expert and lead</source>
        <translation>les rôles sont viewer, annotator, expert et lead</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the server of %1 has no database user %2; create it first (on Debian: sudo -u postgres createuser %2); nothing was changed</source>
        <translation>le serveur de %1 n’a pas d’utilisateur %2&#xa0;; créez-le d’abord (sous Debian&#xa0;: sudo -u postgres createuser %2)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no roles yet (its role %2 is missing); open it once as its owner to upgrade it; nothing was changed</source>
        <translation>%1 n’a pas encore de rôles (son rôle %2 manque)&#xa0;; ouvrez-le une fois en tant que propriétaire pour le mettre à niveau&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already %2 on %3; nothing was changed</source>
        <translation>%1 est déjà %2 sur %3&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no %2 role on %3 (a role given through another one is revoked there); nothing was changed</source>
        <translation>%1 n’a pas le rôle %2 sur %3 (un rôle donné par l’intermédiaire d’un autre se retire sur celui-ci)&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only the owner of %1 or a user allowed to manage roles (CREATEROLE) may give or take roles; nothing was changed</source>
        <translation>seul le propriétaire de %1 ou un utilisateur autorisé à gérer les rôles (CREATEROLE) peut donner ou retirer des rôles&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Giving %1 the %2 role</source>
        <translation>Attribution du rôle %2 à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking the %2 role from %1</source>
        <translation>Retrait du rôle %2 à %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 may not write in the name of %2 on project %3: a reviewer&apos;s name on a server project is their database user; nothing was changed</source>
        <translation>%1 ne peut pas écrire au nom de %2 sur le projet %3&#xa0;: sur un projet serveur, le nom d’un relecteur est son utilisateur de la base&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>adjudicating</source>
        <translation>arbitrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>taking an item another reviewer holds</source>
        <translation>reprendre un élément tenu par un autre relecteur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no role on project %2: %3 needs the %4 role; nothing was changed (its owner gives roles: boucle roles ADDRESS grant %1 ROLE)</source>
        <translation>%1 n’a aucun rôle sur le projet %2&#xa0;: %3 demande le rôle %4&#xa0;; rien n’a été modifié (son propriétaire donne les rôles&#xa0;: boucle roles ADRESSE grant %1 RÔLE)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 on project %3: %4 needs the %5 role; nothing was changed</source>
        <translation>%1 est %2 sur le projet %3&#xa0;: %4 demande le rôle %5&#xa0;; rien n’a été modifié</translation>
    </message>
    <message>
        <location filename="../core/store/projectstore_signatures.cpp" line="+196"/>
        <source>The server refused the password of %1 (%2); nothing was written.</source>
        <translation>Le serveur a refusé le mot de passe de %1 (%2)&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A signature needs the password of %1; nothing was signed.</source>
        <translation>Une signature demande le mot de passe de %1&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On a server project a signer is the database user of the connection: %1 is connected, not %2; nothing was signed.</source>
        <translation>Sur un projet serveur, le signataire est l&apos;utilisateur de la base de la connexion&#xa0;: %1 est connecté, pas %2&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the signer %1</source>
        <translation>Lecture du signataire %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+132"/>
        <source>%1 is not enrolled as a signer of this project; nothing was signed (enrol with: boucle signers PROJECT add %1 --name &quot;Printed Name&quot;).</source>
        <translation>%1 n&apos;est pas inscrit comme signataire de ce projet&#xa0;; rien n&apos;a été signé (inscription&#xa0;: boucle signers PROJET add %1 --name &quot;Nom Complet&quot;).</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>The password of %1 is wrong; nothing was signed.</source>
        <translation>Le mot de passe de %1 est faux&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A signer needs a user id and a printed name; nobody was enrolled.</source>
        <translation>Un signataire demande un identifiant et un nom complet&#xa0;; personne n&apos;a été inscrit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is older than schema %2: open it read-write once to upgrade it before enrolling signers.</source>
        <translation>%1 est antérieur au schéma %2&#xa0;: ouvrez-le une fois en écriture pour le mettre à jour avant d&apos;inscrire des signataires.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is already enrolled as a signer; nothing was changed.</source>
        <translation>%1 est déjà inscrit comme signataire&#xa0;; rien n&apos;a changé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>On a server project a signer is the database user of the connection: %1 is connected, not %2; nobody was enrolled.</source>
        <translation>Sur un projet serveur, le signataire est l&apos;utilisateur de la base de la connexion&#xa0;: %1 est connecté, pas %2&#xa0;; personne n&apos;a été inscrit.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A signer&apos;s password needs at least 8 characters; nobody was enrolled.</source>
        <translation>Le mot de passe d&apos;un signataire demande au moins 8 caractères&#xa0;; personne n&apos;a été inscrit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OpenSSL could not derive the password&apos;s hash; nobody was enrolled.</source>
        <translation>OpenSSL n&apos;a pas pu dériver l&apos;empreinte du mot de passe&#xa0;; personne n&apos;a été inscrit.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+5"/>
        <source>Enrolling the signer %1</source>
        <translation>Inscription du signataire %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>There is no batch %1 in %2; nothing was signed.</source>
        <translation>Il n&apos;y a pas de lot %1 dans %2&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+19"/>
        <location line="+46"/>
        <location line="+8"/>
        <source>Signing batch %1</source>
        <translation>Signature du lot %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Batch &apos;%1&apos; has no items: there is nothing to sign.</source>
        <translation>Le lot «&#xa0;%1&#xa0;» n&apos;a pas d&apos;éléments&#xa0;: il n&apos;y a rien à signer.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Batch &apos;%1&apos; has undecided items (%2 of %3; the first is item %4): a batch is signed once every item has a final decision; nothing was signed.</source>
        <translation>Le lot «&#xa0;%1&#xa0;» a des éléments sans décision (%2 sur %3&#xa0;; le premier est l&apos;élément %4)&#xa0;: un lot se signe quand chaque élément a une décision finale&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 already signed batch &apos;%2&apos; as %3; nothing was signed.</source>
        <translation>%1 a déjà signé le lot «&#xa0;%2&#xa0;» (%3)&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The decisions of batch &apos;%1&apos; cannot be read; nothing was signed.</source>
        <translation>Les décisions du lot «&#xa0;%1&#xa0;» ne peuvent pas être lues&#xa0;; rien n&apos;a été signé.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>signature %1: %2 (%3), %4, as %5, on batch &apos;%6&apos;</source>
        <translation>signature %1&#xa0;: %2 (%3), %4, comme %5, sur le lot «&#xa0;%6&#xa0;»</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Checking whether item %1 belongs to a signed batch</source>
        <translation>Vérification de l’appartenance de l’élément %1 à un lot signé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item %1 belongs to a signed batch (%2): a signed record does not change; nothing was saved.</source>
        <translation>L&apos;élément %1 appartient à un lot signé (%2)&#xa0;: un enregistrement signé ne change pas&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 was made for batch &apos;%2&apos; and copied or moved to another batch</source>
        <translation>%1 a été faite pour le lot «&#xa0;%2&#xa0;» puis copiée ou déplacée vers un autre lot</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 no longer matches the batch: a signed decision changed after it was signed, or the signature was copied or moved from another batch</source>
        <translation>%1 ne correspond plus au lot&#xa0;: une décision signée a changé après la signature, ou la signature a été copiée ou déplacée depuis un autre lot</translation>
    </message>
</context>
<context>
    <name>Boucle::QueueModel</name>
    <message>
        <location filename="../ui/queue/queuemodel.cpp" line="+28"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overridden</source>
        <translation>Corrigé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relabelled</source>
        <translation>Réétiqueté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Passé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalated</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Awaiting second review</source>
        <translation>En attente de seconde relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In adjudication</source>
        <translation>En arbitrage</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>as predicted</source>
        <translation>comme prédit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>objects changed</source>
        <translation>objets modifiés</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sample</source>
        <translation>Échantillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>Prédiction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why flagged</source>
        <translation>Motif du signalement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewed as</source>
        <translation>Revu comme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewer</source>
        <translation>Relecteur</translation>
    </message>
</context>
<context>
    <name>Boucle::QueuePane</name>
    <message>
        <location filename="../ui/queue/queuepane.cpp" line="+77"/>
        <source>Any trigger</source>
        <translation>Tout déclencheur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only items flagged by this trigger</source>
        <translation>Seulement les éléments marqués par ce déclencheur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any class</source>
        <translation>Toute classe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only items the model predicted as this class</source>
        <translation>Seulement les éléments que le modèle a prédits de cette classe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Second review (for me)</source>
        <translation>Deuxième revue (pour moi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjudication</source>
        <translation>Arbitrage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lowest confidence shown</source>
        <translation>Confiance la plus basse affichée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest confidence shown</source>
        <translation>Confiance la plus haute affichée</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only items whose confidence is in this range</source>
        <translation>Seulement les éléments dont la confiance est dans cet intervalle</translation>
    </message>
</context>
<context>
    <name>Boucle::RegularFile</name>
    <message>
        <location filename="../core/imaging/regularfile.cpp" line="+18"/>
        <source>the file is %1, more than the %2 Boucle reads for it</source>
        <translation>le fichier fait %1, plus que les %2 que Boucle lit pour lui</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>it is a folder, not a file</source>
        <translation>c&apos;est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation>c&apos;est un tube nommé (FIFO), pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a character device, not a regular file</source>
        <translation>c&apos;est un périphérique caractère, pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a block device, not a regular file</source>
        <translation>c&apos;est un périphérique bloc, pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a socket, not a regular file</source>
        <translation>c&apos;est une socket, pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+86"/>
        <source>it is not a regular file</source>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+36"/>
        <location line="+39"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>the file cannot be read (permissions)</source>
        <translation>le fichier ne peut pas être lu (droits)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its symbolic links loop</source>
        <translation>ses liens symboliques forment une boucle</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+60"/>
        <location line="+16"/>
        <source>the file cannot be read (%1)</source>
        <translation>le fichier ne peut pas être lu (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 kB</source>
        <translation>%1 ko</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
</context>
<context>
    <name>Boucle::Retrainer</name>
    <message>
        <location filename="../core/learning/retrainer.cpp" line="+55"/>
        <source>unknown data set &apos;%1&apos; (expected digits or letters)</source>
        <translation>jeu de données «&#xa0;%1&#xa0;» inconnu (attendu&#xa0;: digits ou letters)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nothing to learn from: no labelled sample</source>
        <translation>rien dont apprendre&#xa0;: aucun échantillon étiqueté</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: label &apos;%2&apos; is not one of the classes</source>
        <translation>%1&#xa0;: l&apos;étiquette «&#xa0;%2&#xa0;» n&apos;est pas une des classes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading samples</source>
        <translation>Lecture des échantillons</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Computing features</source>
        <translation>Calcul des caractéristiques</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training the committee on %1 labelled samples</source>
        <translation>Entraînement du comité sur %1 échantillons étiquetés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Predicting %1 samples</source>
        <translation>Prédiction de %1 échantillons</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cross-validating the %1 labelled samples (%2 folds)</source>
        <translation>Validation croisée des %1 échantillons étiquetés (%2 plis)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the labelled samples&apos; predictions are the committee&apos;s own, so suspect labels will be missed: cross-validation failed (%1)</source>
        <translation>les prédictions des échantillons étiquetés sont celles du comité lui-même, si bien que des étiquettes douteuses passeront inaperçues&#xa0;: la validation croisée a échoué (%1)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Occlusion heatmaps: %1 of %2</source>
        <translation>Cartes de chaleur par occlusion&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Done: held-out accuracy %1 %</source>
        <translation>Terminé&#xa0;: exactitude sur le jeu de test %1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Boucle::ReviewAnalyticsQuery</name>
    <message>
        <location filename="../core/store/reviewhistoryreader.cpp" line="+30"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../core/metrics/analyticsfilter.cpp" line="+20"/>
        <source>batch &apos;%1&apos;</source>
        <translation>lot «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model %1</source>
        <translation>modèle %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dataset version %1</source>
        <translation>version %1 du jeu de données</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reviewer %1</source>
        <translation>relecteur %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from %1</source>
        <translation>depuis le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>before %1</source>
        <translation>avant le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all reviews</source>
        <translation>toutes les revues</translation>
    </message>
    <message>
        <location filename="../core/store/reviewhistoryreader.cpp" line="+84"/>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading the open review rounds</source>
        <translation>Lecture des relectures en cours</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the classes</source>
        <translation>Lecture des classes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the models</source>
        <translation>Lecture des modèles</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading the batches</source>
        <translation>Lecture des lots</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the dataset versions</source>
        <translation>Lecture des versions du jeu de données</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the batch items</source>
        <translation>Lecture des éléments des lots</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the flag reasons</source>
        <translation>Lecture des motifs de signalement</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading the predictions</source>
        <translation>Lecture des prédictions</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading the reviews</source>
        <translation>Lecture des revues</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Reading the label revisions</source>
        <translation>Lecture des révisions d&apos;étiquettes</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>other triggers</source>
        <translation>autres déclencheurs</translation>
    </message>
    <message>
        <location filename="../core/metrics/reviewaudit.cpp" line="+66"/>
        <source>no batch named &apos;%1&apos; in %2</source>
        <translation>aucun lot nommé «&#xa0;%1&#xa0;» dans %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no model %1 in %2 (expected NAME@VERSION)</source>
        <translation>aucun modèle %1 dans %2 (attendu&#xa0;: NOM@VERSION)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no review by &apos;%1&apos; in %2</source>
        <translation>aucune revue de «&#xa0;%1&#xa0;» dans %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no dataset version %1 in %2</source>
        <translation>aucune version %1 du jeu de données dans %2</translation>
    </message>
</context>
<context>
    <name>Boucle::ReviewSession</name>
    <message>
        <location filename="../core/review/reviewcommands.cpp" line="+28"/>
        <source>%1 in review</source>
        <translation>%1 (revue)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>(with %n object(s) reviewed)</source>
        <translation>
            <numerusform>(avec %n objet revu)</numerusform>
            <numerusform>(avec %n objets revus)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>undo of review %1</source>
        <translation>annulation de la revue %1</translation>
    </message>
    <message>
        <location filename="../core/review/reviewsession.cpp" line="+28"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve %1 items</source>
        <translation>Approuver %1 éléments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Override</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override %1 items</source>
        <translation>Corriger %1 éléments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relabel</source>
        <translation>Réétiqueter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relabel %1 items</source>
        <translation>Réétiqueter %1 éléments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip %1 items</source>
        <translation>Passer %1 éléments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Escalate</source>
        <translation>Transmettre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate %1 items</source>
        <translation>Transmettre %1 éléments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+139"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="+172"/>
        <source>there is no batch item %1</source>
        <translation>il n&apos;y a pas d&apos;élément de lot %1</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+98"/>
        <location line="+114"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="+147"/>
        <location line="+59"/>
        <source>&apos;%1&apos; is not a class of this project</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une classe de ce projet</translation>
    </message>
    <message>
        <location line="-136"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="-218"/>
        <source>give your name before reviewing: every decision carries it</source>
        <translation>donnez votre nom avant de commencer la revue&#xa0;: chaque décision le porte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no item is selected</source>
        <translation>aucun élément n&apos;est sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="+5"/>
        <source>the project %1 is open read-only</source>
        <translation>le projet %1 est ouvert en lecture seule</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>choose the right class first</source>
        <translation>choisissez d&apos;abord la bonne classe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this project requires a comment to override a prediction</source>
        <translation>ce projet exige un commentaire pour corriger une prédiction</translation>
    </message>
    <message>
        <location line="+46"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="+11"/>
        <source>blind review: give your own answer before the prediction is shown</source>
        <translation>revue en aveugle&#xa0;: donnez votre propre réponse avant que la prédiction ne s&apos;affiche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>blind review: give your own answer on item %1 before its prediction is shown</source>
        <translation>revue à l&apos;aveugle{N}: donnez votre propre réponse sur l&apos;élément %1 avant que sa prédiction ne s&apos;affiche</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>item %1 has no predicted label to approve</source>
        <translation>l&apos;élément %1 n&apos;a pas d&apos;étiquette prédite à approuver</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is what the model predicted: approve instead of overriding</source>
        <translation>«&#xa0;%1&#xa0;» est ce que le modèle a prédit&#xa0;: approuvez au lieu de corriger</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the share of items reviewed twice must be between 0 and 1</source>
        <translation>la part des éléments relus deux fois doit être comprise entre 0 et 1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>item %1 waits for a second, independent answer: you gave the first one, so another reviewer must give it</source>
        <translation>l&apos;élément %1 attend une seconde réponse, indépendante&#xa0;: vous avez donné la première, c&apos;est donc à un autre relecteur de la donner</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>item %1 already waits for adjudication: decide it, or skip it for another adjudicator</source>
        <translation>l&apos;élément %1 attend déjà un arbitrage&#xa0;: tranchez, ou passez-le pour le laisser à un autre arbitre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>you gave one of the answers on item %1: another reviewer adjudicates it</source>
        <translation>vous avez donné l&apos;une des réponses sur l&apos;élément %1&#xa0;: c&apos;est à un autre relecteur de l&apos;arbitrer</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>there is nothing to undo</source>
        <translation>il n&apos;y a rien à annuler</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>there is nothing to redo</source>
        <translation>il n&apos;y a rien à rétablir</translation>
    </message>
    <message>
        <location filename="../core/review/objectreview.cpp" line="+23"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="-146"/>
        <source>box</source>
        <translation>boîte</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="-6"/>
        <source>polygon</source>
        <translation>polygone</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="-2"/>
        <source>span</source>
        <translation>segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/review/reviewsession_objects.cpp" line="+4"/>
        <source>mask</source>
        <translation>masque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no label</source>
        <translation>sans étiquette</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 px right</source>
        <translation>de %1 px vers la droite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 px left</source>
        <translation>de %1 px vers la gauche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 px down</source>
        <translation>de %1 px vers le bas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 px up</source>
        <translation>de %1 px vers le haut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>moved %1</source>
        <translation>déplacé %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>widened %1 px</source>
        <translation>élargi de %1 px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>narrowed %1 px</source>
        <translation>rétréci de %1 px</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>made %1 px taller</source>
        <translation>rehaussé de %1 px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made %1 px shorter</source>
        <translation>abaissé de %1 px</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n vertex(es) added</source>
        <translation>
            <numerusform>%n sommet ajouté</numerusform>
            <numerusform>%n sommets ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n vertex(es) removed</source>
        <translation>
            <numerusform>%n sommet supprimé</numerusform>
            <numerusform>%n sommets supprimés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>vertex %1 moved %2 px</source>
        <translation>sommet %1 déplacé de %2 px</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n vertex(es) moved</source>
        <translation>
            <numerusform>%n sommet déplacé</numerusform>
            <numerusform>%n sommets déplacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n px painted</source>
        <translation>
            <numerusform>%n px peint</numerusform>
            <numerusform>%n px peints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n px erased</source>
        <translation>
            <numerusform>%n px effacé</numerusform>
            <numerusform>%n px effacés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+289"/>
        <source>label &apos;%1&apos; changed to &apos;%2&apos;</source>
        <translation>étiquette «&#xa0;%1&#xa0;» changée en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text &apos;%1&apos; corrected to &apos;%2&apos;</source>
        <translation>texte «&#xa0;%1&#xa0;» corrigé en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>false positive removed: %1 %2 (%3 %4)</source>
        <translation>faux positif retiré&#xa0;: %1 %2 (%3 %4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>missed object added: %1 (%2 %3)</source>
        <translation>objet manqué ajouté&#xa0;: %1 (%2 %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>added %1 +%2 (%3)</source>
        <translation>ajout %1 +%2 (%3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>added %1 +%2 (%3) deleted</source>
        <translation>ajout %1 +%2 (%3) supprimé</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1: decision withdrawn</source>
        <translation>%1&#xa0;: décision retirée</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n object(s) before, %1 after</source>
        <translation>
            <numerusform>%n objet avant, %1 après</numerusform>
            <numerusform>%n objets avant, %1 après</numerusform>
        </translation>
    </message>
    <message>
        <location line="-180"/>
        <source>extent %1–%2 changed to %3–%4</source>
        <translation>étendue %1–%2 changée en %3–%4</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+2"/>
        <location line="+24"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../core/review/reviewsession_objects.cpp" line="+12"/>
        <source>Approve %1</source>
        <translation>Approuver %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+354"/>
        <source>Correct %1</source>
        <translation>Corriger %1</translation>
    </message>
    <message>
        <location line="-352"/>
        <source>Relabel %1</source>
        <translation>Réétiqueter %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decide %1</source>
        <translation>Statuer sur %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+17"/>
        <source>%1 would be empty</source>
        <translation>%1 serait vide</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 needs at least 3 vertices</source>
        <translation>%1 demande au moins 3 sommets</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has a vertex that is not a number</source>
        <translation>%1 a un sommet qui n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 would be empty (%2–%3)</source>
        <translation>%1 serait vide (%2–%3)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>item %1 has no prediction</source>
        <translation>l&apos;élément %1 n&apos;a pas de prédiction</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+74"/>
        <source>item %1 has no predicted object %2</source>
        <translation>l&apos;élément %1 n&apos;a pas d&apos;objet prédit %2</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>object %1 is as the model predicted it: approve instead of correcting</source>
        <translation>l&apos;objet %1 est tel que le modèle l&apos;a prédit&#xa0;: approuvez au lieu de corriger</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Remove %1 %2</source>
        <translation>Retirer %1 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>choose the class of the missed object first</source>
        <translation>choisissez d&apos;abord la classe de l&apos;objet manqué</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the new %1</source>
        <translation>l&apos;objet ajouté (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add %1 (%2)</source>
        <translation>Ajouter %1 (%2)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>item %1 has no added object +%2</source>
        <translation>l&apos;élément %1 n&apos;a pas d&apos;objet ajouté +%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>added object +%1 is unchanged</source>
        <translation>l&apos;objet ajouté +%1 n&apos;a pas changé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete %1 +%2</source>
        <translation>Supprimer %1 +%2</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Approve %n remaining object(s)</source>
        <translation>
            <numerusform>Approuver %n objet restant</numerusform>
            <numerusform>Approuver les %n objets restants</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>some objects of item %1 are still undecided</source>
        <translation>des objets de l&apos;élément %1 attendent encore une décision</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>choose the right label first</source>
        <translation>choisissez d&apos;abord la bonne étiquette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is what the model predicted: approve instead of relabelling</source>
        <translation>«&#xa0;%1&#xa0;» est ce que le modèle a prédit&#xa0;: approuvez au lieu de réétiqueter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an object is approved, corrected or relabelled</source>
        <translation>un objet est approuvé, corrigé ou réétiqueté</translation>
    </message>
</context>
<context>
    <name>Boucle::RoundPanel</name>
    <message>
        <location filename="../ui/panels/roundpanel.cpp" line="+17"/>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overridden</source>
        <translation>Corrigé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relabelled</source>
        <translation>Réétiqueté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalated</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reviewer</source>
        <translation>Relecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Single</source>
        <translation>Relecteur unique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First</source>
        <translation>Premier relecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second</source>
        <translation>Second relecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudicator</source>
        <translation>Arbitre</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;b&gt;Second review.&lt;/b&gt; Another reviewer answered; give your own answer: theirs shows once you have.</source>
        <translation>&lt;b&gt;Seconde relecture.&lt;/b&gt; Un autre relecteur a répondu&#xa0;; donnez votre propre réponse&#xa0;: la sienne s&apos;affichera ensuite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Waiting for a second reviewer.&lt;/b&gt; Your answer becomes the label when another reviewer agrees.</source>
        <translation>&lt;b&gt;En attente d&apos;un second relecteur.&lt;/b&gt; Votre réponse deviendra l&apos;étiquette si un autre relecteur la confirme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Adjudication.&lt;/b&gt; The answers below disagree or were escalated; your decision becomes the label.</source>
        <translation>&lt;b&gt;Arbitrage.&lt;/b&gt; Les réponses ci-dessous divergent ou ont été transmises à un expert&#xa0;; votre décision deviendra l&apos;étiquette.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Settled:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Étiquette retenue&#xa0;:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleContentHasher</name>
    <message>
        <location filename="../core/ingest/samplecontenthasher.cpp" line="+44"/>
        <source>&apos;%1&apos; changed while it was read</source>
        <translation>«&#xa0;%1&#xa0;» a changé pendant sa lecture</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;%1&apos; cannot be read (%2)</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être lu (%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleFile</name>
    <message>
        <location filename="../core/learning/samplefile.cpp" line="+33"/>
        <source>cannot write the image %1</source>
        <translation>impossible d&apos;écrire l&apos;image %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the sample %1 is missing</source>
        <translation>l&apos;échantillon %1 est absent</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the sample %1 is not a readable image</source>
        <translation>l&apos;échantillon %1 n&apos;est pas une image lisible</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot read the sample %1: %2</source>
        <translation>impossible de lire l&apos;échantillon %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>%1, line 2: expected %2 numbers separated by commas</source>
        <translation>%1, ligne 2&#xa0;: attendu %2 nombres séparés par des virgules</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1, line 2, field %2 (%3): &apos;%4&apos; is not a number</source>
        <translation>%1, ligne 2, champ %2 (%3)&#xa0;: «&#xa0;%4&#xa0;» n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1: expected two lines, the feature names then their values, found %2</source>
        <translation>%1&#xa0;: deux lignes attendues, les noms des caractéristiques puis leurs valeurs (lignes trouvées&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1, line 2: %2 values for %3 names</source>
        <translation>%1, ligne 2&#xa0;: %2 valeurs pour %3 noms</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleFileChange</name>
    <message>
        <location filename="../core/ingest/samplefilechange.cpp" line="+106"/>
        <source>size %1 → %2 bytes</source>
        <translation>taille %1 → %2 octets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>content differs</source>
        <translation>contenu différent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modified %1</source>
        <translation>modifié le %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This file changed since it was imported (%1).</source>
        <translation>Ce fichier a changé depuis son import (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file changed since it was last checked on %1 (%2).</source>
        <translation>Ce fichier a changé depuis sa dernière vérification du %1 (%2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This file is no longer there: %1 was present when it was imported.</source>
        <translation>Ce fichier n&apos;est plus là&#xa0;: %1 était présent lors de l&apos;import.</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleImageLoader</name>
    <message>
        <location filename="../core/imaging/sampleimageloader.cpp" line="+155"/>
        <location line="+215"/>
        <source>the format is unknown or the data is damaged</source>
        <translation>le format est inconnu ou les données sont endommagées</translation>
    </message>
    <message>
        <location line="-232"/>
        <location line="+226"/>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>The log names frame %1 (counted from 0), but %2 has one frame; it is shown.</source>
        <translation>Le journal nomme la trame %1 (comptée à partir de 0), mais %2 n’a qu’une trame&#xa0;; elle est affichée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The log names frame %1 (counted from 0), but %2 has %3 frames; the first is shown.</source>
        <translation>Le journal nomme la trame %1 (comptée à partir de 0), mais %2 a %3 trames&#xa0;; la première est affichée.</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>the image could not be decoded</source>
        <translation>l&apos;image n&apos;a pas pu être décodée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot show %1: %2</source>
        <translation>Impossible d&apos;afficher %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleListPane</name>
    <message>
        <location filename="../ui/dashboard/samplelistpane.cpp" line="+33"/>
        <source>Sample</source>
        <translation>Échantillon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewed label</source>
        <translation>Étiquette revue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>Prédit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Double-click a sample, or press Enter, to open it in the review window.</source>
        <translation>Double-cliquez sur un échantillon, ou appuyez sur Entrée, pour l&apos;ouvrir dans la fenêtre de revue.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Click a cell of the matrix to list its samples here.</source>
        <translation>Cliquez sur une case de la matrice pour en lister les échantillons ici.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: reading…</source>
        <translation>%1&#xa0;: lecture…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>sample %1</source>
        <translation>échantillon %1</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%1: %n sample(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n échantillon</numerusform>
            <numerusform>%1&#xa0;: %n échantillons</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the first %1 are listed)</source>
        <translation>(les %1 premiers sont listés)</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleView</name>
    <message>
        <location filename="../ui/sampleview/sampleview.cpp" line="+173"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit to window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual size (1:1)</source>
        <translation>Taille réelle (1:1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit to window</source>
        <comment>toolbar button</comment>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual size (1:1)</source>
        <comment>toolbar button</comment>
        <translation>1:1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show boxes</source>
        <translation>Boîtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Next slice</source>
        <translation>Coupe suivante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous slice</source>
        <translation>Coupe précédente</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2/%3, as HU + 1024)</source>
        <translation>%1 (%2/%3, en UH + 1024)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Window preset %1</source>
        <translation>Fenêtre prédéfinie %1</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>This sample cannot be shown</source>
        <translation>Cet échantillon ne peut pas être affiché</translation>
    </message>
    <message>
        <location line="+548"/>
        <source>VOI LUT</source>
        <translation>VOI LUT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VOI LUT: %1</source>
        <translation>VOI LUT&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+388"/>
        <source>predictions on slices %1 (PgUp/PgDn)</source>
        <translation>prédictions sur les coupes %1 (Pg préc./Pg suiv.)</translation>
    </message>
    <message>
        <location line="-1164"/>
        <location line="+580"/>
        <source>Heatmap not shown. %1</source>
        <translation>Carte de chaleur non affichée. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heatmap not shown: it was prepared for another image size.</source>
        <translation>Carte de chaleur non affichée&#xa0;: elle a été préparée pour une autre taille d&apos;image.</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>W %1 / L %2%3</source>
        <translation>L %1 / C %2%3</translation>
    </message>
    <message>
        <location line="+373"/>
        <source>Slice %1 / %2</source>
        <translation>Coupe %1 / %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>predictions on slice %1 (PgUp/PgDn)</source>
        <translation>prédictions sur la coupe %1 (Pg préc./Pg suiv.)</translation>
    </message>
</context>
<context>
    <name>Boucle::SampleViewToolBar</name>
    <message>
        <location filename="../ui/sampleview/sampleviewtoolbar.cpp" line="+16"/>
        <source>Sample view</source>
        <translation>Vue de l&apos;échantillon</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Heatmap colour map</source>
        <translation>Palette de la carte de chaleur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Heatmap opacity</source>
        <translation>Opacité de la carte de chaleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Window/level for 16-bit images: the presets have keys Alt+1 … Alt+9 (or drag with the right mouse button)</source>
        <translation>Fenêtrage des images 16 bits&#xa0;: les fenêtres prédéfinies ont les touches Alt+1 … Alt+9 (ou faites glisser avec le bouton droit de la souris)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window on screen and the value under the pointer, in the image&apos;s unit (HU for CT)</source>
        <translation>La fenêtre affichée et la valeur sous le pointeur, dans l’unité de l’image (UH pour le scanner)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Window…</source>
        <translation>Fenêtrage…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As the file suggests</source>
        <translation>Celle que propose le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the file suggests (%1)</source>
        <translation>Celle que propose le fichier (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From %1</source>
        <translation>Selon %1</translation>
    </message>
</context>
<context>
    <name>Boucle::ServerConnection</name>
    <message>
        <location filename="../core/store/serverconnection.cpp" line="+56"/>
        <source>%1 is a project file, not a server address.</source>
        <translation>%1 est un fichier de projet, pas une adresse de serveur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Qt&apos;s PostgreSQL driver is not installed; install the Debian package libqt6sql6-psql to open %1.</source>
        <translation>Le pilote PostgreSQL de Qt n&apos;est pas installé&#xa0;; installez le paquet Debian libqt6sql6-psql pour ouvrir %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server at %1 asks for a password (%2): add it to ~/.pgpass or enter it when asked.</source>
        <translation>Le serveur de %1 demande un mot de passe (%2)&#xa0;: ajoutez-le à ~/.pgpass ou saisissez-le quand il est demandé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server at %1 refused the password (%2).</source>
        <translation>Le serveur %1 a refusé le mot de passe (%2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Connexion impossible à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Boucle::SignBatchDialog</name>
    <message>
        <location filename="../ui/dialogs/signbatchdialog.cpp" line="+22"/>
        <source>I &amp;reviewed this batch</source>
        <translation>J&apos;ai &amp;relu ce lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I &amp;approve this batch</source>
        <translation>J&apos;&amp;approuve ce lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I take re&amp;sponsibility for this batch</source>
        <translation>J&apos;en prends la re&amp;sponsabilité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign batch %1</source>
        <translation>Signer le lot %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your signature records your printed name, the time and its meaning, bound to the decisions of batch %1 as they stand now. After it, the batch&apos;s decisions no longer change.</source>
        <translation>Votre signature enregistre votre nom complet, l&apos;heure et sa signification, liés aux décisions du lot %1 telles qu&apos;elles sont maintenant. Ensuite, les décisions du lot ne changent plus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;User id:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed name:</source>
        <translation>Nom complet&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Meaning of the signature</source>
        <translation>Signification de la signature</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is not enrolled as a signer</source>
        <translation>%1 n&apos;est pas inscrit comme signataire</translation>
    </message>
</context>
<context>
    <name>Boucle::SuspectLabelSearch</name>
    <message>
        <location filename="../core/loop/suspectlabelsearch.cpp" line="+32"/>
        <source>the project has no dataset version yet: commit labels first (boucle commit)</source>
        <translation>le projet n’a pas encore de version du jeu de données&#xa0;: validez d’abord des étiquettes (boucle commit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no version %1 (the newest is %2)</source>
        <translation>il n’y a pas de version %1 (la plus récente est la %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cross-validation needs at least 2 folds</source>
        <translation>la validation croisée demande au moins 2 plis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cross-validation learns from the samples, which Boucle can do for the projects of boucle demo (digits, letters); for this project, leave out --folds to use the model&apos;s stored probabilities, which must be out-of-sample</source>
        <translation>la validation croisée apprend des échantillons, ce que Boucle sait faire pour les projets de boucle demo (chiffres, lettres)&#xa0;; pour ce projet, omettez --folds pour utiliser les probabilités enregistrées du modèle, qui doivent être hors échantillon</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the samples of version %1</source>
        <translation>Lecture des échantillons de la version %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1-fold cross-validation of the committee</source>
        <translation>validation croisée du comité en %1 plis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the predictions</source>
        <translation>Lecture des prédictions</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the stored probabilities of each sample&apos;s newest prediction</source>
        <translation>les probabilités enregistrées de la prédiction la plus récente de chaque échantillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stored probabilities of %1</source>
        <translation>les probabilités enregistrées de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no sample labelled in version %1 has class probabilities: nothing to check</source>
        <translation>aucun échantillon étiqueté dans la version %1 n’a de probabilités de classes&#xa0;: rien à vérifier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confident learning over %1 labels</source>
        <translation>Apprentissage confiant sur %1 étiquettes</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n suspect label(s)</source>
        <translation>
            <numerusform>%n étiquette suspecte</numerusform>
            <numerusform>%n étiquettes suspectes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::TesseractTsvReader</name>
    <message>
        <location filename="../core/documents/tesseracttsvreader.cpp" line="+18"/>
        <source>the file cannot be read (%1)</source>
        <translation>le fichier ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is empty; expected Tesseract&apos;s TSV header</source>
        <translation>le fichier est vide&#xa0;; attendu l&apos;en-tête TSV de Tesseract</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the header lacks the column &apos;%1&apos;; is this Tesseract&apos;s TSV?</source>
        <translation>il manque la colonne «&#xa0;%1&#xa0;» dans l&apos;en-tête&#xa0;; est-ce bien le TSV de Tesseract&#xa0;?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 fields where the header has %2</source>
        <translation>%1 champs alors que l&apos;en-tête en a %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>field &apos;%1&apos; is &apos;%2&apos;, not a number</source>
        <translation>le champ «&#xa0;%1&#xa0;» vaut «&#xa0;%2&#xa0;», ce n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>field &apos;%1&apos; is &apos;%2&apos;, out of range</source>
        <translation>le champ «&#xa0;%1&#xa0;» vaut «&#xa0;%2&#xa0;», hors limites</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the word &apos;%1&apos; has a negative width or height</source>
        <translation>le mot «&#xa0;%1&#xa0;» a une largeur ou une hauteur négative</translation>
    </message>
</context>
<context>
    <name>Boucle::TextDocument</name>
    <message>
        <location filename="../core/documents/textdocument.cpp" line="+60"/>
        <source>the file does not exist</source>
        <translation>le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the text is %1 MiB, more than the %2 MiB a document may have</source>
        <translation>le texte fait %1 Mio, plus que les %2 Mio permis pour un document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file cannot be read (%1)</source>
        <translation>le fichier ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the text is not valid UTF-8: invalid byte sequence at byte offset %1 (%2)</source>
        <translation>le texte n&apos;est pas de l&apos;UTF-8 valide&#xa0;: séquence d&apos;octets invalide à la position %1 (%2)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>a negative offset</source>
        <translation>une position négative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its start after its end</source>
        <translation>un début après sa fin</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>its end beyond the text, which has %n character(s)</source>
        <translation>
            <numerusform>une fin au-delà du texte, qui a %n caractère</numerusform>
            <numerusform>une fin au-delà du texte, qui a %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>span %1 (&apos;%2&apos;, [%3, %4]) has %5</source>
        <translation>le segment %1 («&#xa0;%2&#xa0;», [%3, %4]) a %5</translation>
    </message>
</context>
<context>
    <name>Boucle::TextDocumentView</name>
    <message>
        <location filename="../ui/documentview/textdocumentview.cpp" line="+242"/>
        <source>%1, score %2</source>
        <translation>%1, score %2</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n below %1</source>
        <translation>
            <numerusform>, %n sous %1</numerusform>
            <numerusform>, %n sous %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::TriggerNames</name>
    <message>
        <location filename="../core/triggers/triggernames.cpp" line="+22"/>
        <source>low confidence</source>
        <translation>confiance basse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>margin</source>
        <translation>marge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entropy</source>
        <translation>entropie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committee vote</source>
        <translation>vote du comité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>committee divergence</source>
        <translation>divergence du comité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outlier</source>
        <translation>atypique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user report</source>
        <translation>signalement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drift</source>
        <translation>dérive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspect label</source>
        <translation>étiquette suspecte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control</source>
        <translation>contrôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upstream flag</source>
        <translation>marquage en amont</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>low-confidence words</source>
        <translation>mots peu sûrs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committee</source>
        <translation>comité</translation>
    </message>
</context>
<context>
    <name>Boucle::TriggerPolicy</name>
    <message>
        <location filename="../core/policy/triggerpolicy.cpp" line="+40"/>
        <location line="+350"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-337"/>
        <source>expected a number from %1 to %2</source>
        <translation>attendu un nombre de %1 à %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a whole number</source>
        <translation>attendu un nombre entier</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected true or false</source>
        <translation>attendu true ou false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a string</source>
        <translation>attendu une chaîne</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected an object {...}</source>
        <translation>attendu un objet {...}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown field</source>
        <translation>champ inconnu</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>expected name@version</source>
        <translation>attendu nom@version</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown field; the committee triggers are committee_vote and committee_divergence</source>
        <translation>champ inconnu&#xa0;; les déclencheurs du comité sont committee_vote et committee_divergence</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the older name of %1; give only one of them</source>
        <translation>l&apos;ancien nom de %1{sc} n&apos;en donnez qu&apos;un</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&apos;%1&apos; is not one of noise_rate, low_margin</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni noise_rate ni low_margin</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>smaller than min</source>
        <translation>inférieur à min</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; is not one of none, kmeans++, coreset</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas l&apos;un de none, kmeans++, coreset</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1: cannot read the policy (%2)</source>
        <translation>%1&#xa0;: impossible de lire la politique (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: not valid JSON at byte %2 (%3)</source>
        <translation>%1&#xa0;: JSON invalide à l&apos;octet %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: a policy is a JSON object {...}</source>
        <translation>%1&#xa0;: une politique est un objet JSON {...}</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+7"/>
        <source>%1: cannot write (%2)</source>
        <translation>%1&#xa0;: impossible d&apos;écrire (%2)</translation>
    </message>
</context>
<context>
    <name>Boucle::Triggers</name>
    <message>
        <location filename="../core/ingest/logimporter.cpp" line="-41"/>
        <location filename="../core/triggers/flagreasontext.cpp" line="+158"/>
        <source>user report: %1</source>
        <translation>signalement utilisateur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../core/triggers/flagreasontext.cpp" line="-50"/>
        <source>%1 of %2 models disagree (vote entropy %3)</source>
        <translation>%1 sur %2 modèles en désaccord (entropie des votes %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mean KL divergence %1 of %2 models to their consensus</source>
        <translation>divergence KL moyenne %1 de %2 modèles par rapport à leur consensus</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>confidence %1 below %2</source>
        <translation>confiance %1 sous %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>margin %1 between &apos;%2&apos; and &apos;%3&apos; below %4</source>
        <translation>marge %1 entre «&#xa0;%2&#xa0;» et «&#xa0;%3&#xa0;» sous %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>entropy %1 of max</source>
        <translation>entropie à %1 du maximum</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>control sample drawn at random (unbiased error estimate)</source>
        <translation>échantillon témoin tiré au hasard (estimation de l&apos;erreur sans biais)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>last %1 days against the %2 before</source>
        <translation>%1 derniers jours comparés aux %2 précédents</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>class &apos;%1&apos; share rose from %2 % to %3 % (PSI %4, %5)</source>
        <translation>la part de la classe «&#xa0;%1&#xa0;» est passée de %2&#xa0;% à %3&#xa0;% (PSI %4, %5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>confidence %1-%2 share rose from %3 % to %4 % (PSI %5, %6)</source>
        <translation>la part des confiances %1-%2 est passée de %3&#xa0;% à %4&#xa0;% (PSI %5, %6)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>labelled &apos;%1&apos; in version %2, but the model gives &apos;%3&apos; %4 and &apos;%1&apos; %5 (class &apos;%1&apos; is usually ≥ %6)</source>
        <translation>étiquetée «&#xa0;%1&#xa0;» dans la version %2, mais le modèle donne «&#xa0;%3&#xa0;» %4 et «&#xa0;%1&#xa0;» %5 (la classe «&#xa0;%1&#xa0;» est d’ordinaire ≥ %6)</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>distance to the nearest cluster in the top %1 % of %2 embeddings</source>
        <translation>distance au groupe le plus proche dans les %1&#xa0;% les plus élevées de %2 plongements</translation>
    </message>
    <message>
        <location filename="../core/triggers/suspectlabeltrigger.cpp" line="+36"/>
        <source>confident learning could not run: %1</source>
        <translation>l’apprentissage confiant n’a pas pu s’exécuter&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Boucle::VersionsPanel</name>
    <message>
        <location filename="../ui/panels/versionspanel.cpp" line="+61"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Commit a version…</source>
        <translation>Enregistrer une &amp;version…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample</source>
        <translation>Échantillon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Old → new</source>
        <translation>Ancienne → nouvelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diff from</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>avec</translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>working state (%n change(s))</source>
        <translation>
            <numerusform>état de travail (%n changement)</numerusform>
            <numerusform>état de travail (%n changements)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+23"/>
        <source>empty (v0)</source>
        <translation>vide (v0)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>+%1 ~%2 −%3</source>
        <translation>+%1 ~%2 −%3</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(removed)</source>
        <translation>(retirée)</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Compare with the &amp;working state</source>
        <translation>Comparer avec l’état de &amp;travail</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>working state</source>
        <translation>état de travail</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The comparison cannot be read: %1</source>
        <translation>La comparaison ne peut pas être lue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no sample differs.</source>
        <translation>%1&#xa0;: aucun échantillon ne diffère.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %n sample(s) differ.</source>
        <translation>
            <numerusform>%1&#xa0;: %n échantillon diffère.</numerusform>
            <numerusform>%1&#xa0;: %n échantillons diffèrent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Boucle::VocReader</name>
    <message>
        <location filename="../core/interop/vocreader.cpp" line="+62"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>les nombres NaN et infinis ne sont pas autorisés</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the file holds no XML element</source>
        <translation>le fichier ne contient aucun élément XML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the root element is &lt;%1&gt;; a Pascal VOC file has &lt;annotation&gt;</source>
        <translation>l&apos;élément racine est &lt;%1&gt;&#xa0;; un fichier Pascal VOC a &lt;annotation&gt;</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>the object has no class name</source>
        <translation>l&apos;objet n&apos;a pas de nom de classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the object has no &lt;bndbox&gt;</source>
        <translation>l&apos;objet n&apos;a pas de &lt;bndbox&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the box has no &lt;%1&gt;</source>
        <translation>la boîte n&apos;a pas de &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the file names no image (&lt;filename&gt;)</source>
        <translation>le fichier ne nomme aucune image (&lt;filename&gt;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file has no &lt;size&gt;; VOC boxes need the image&apos;s width and height</source>
        <translation>le fichier n&apos;a pas de &lt;size&gt;&#xa0;; les boîtes VOC ont besoin de la largeur et de la hauteur de l&apos;image</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;size&gt; has no &lt;%1&gt;</source>
        <translation>&lt;size&gt; n&apos;a pas de &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the %1 &apos;%2&apos; is not a whole number of pixels above 0</source>
        <translation>la valeur de %1, «&#xa0;%2&#xa0;», n&apos;est pas un nombre entier de pixels supérieur à 0</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; is not a path inside the images folder</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un chemin à l&apos;intérieur du dossier des images</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>xmax %1 is less than xmin %2</source>
        <translation>xmax %1 est inférieur à xmin %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ymax %1 is less than ymin %2</source>
        <translation>ymax %1 est inférieur à ymin %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the box (%1, %2)-(%3, %4) is outside the %5 x %6 image; VOC corners are 1-based, from 1 to the width or height</source>
        <translation>la boîte (%1, %2)-(%3, %4) sort de l&apos;image de %5 x %6&#xa0;; les coins VOC commencent à 1, de 1 à la largeur ou à la hauteur</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&lt;size&gt; says %1 x %2 but %3 is displayed %4 x %5: the file was written for the stored image without its EXIF orientation, so its boxes are on the image turned</source>
        <translation>&lt;size&gt; indique %1 x %2 mais %3 s&apos;affiche en %4 x %5&#xa0;: le fichier a été écrit pour l&apos;image stockée sans son orientation EXIF, ses boîtes sont donc sur l&apos;image pivotée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;size&gt; says %1 x %2 but %3 is %4 x %5 as displayed</source>
        <translation>&lt;size&gt; indique %1 x %2 mais %3 fait %4 x %5 à l&apos;affichage</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the file or folder does not exist</source>
        <translation>le fichier ou le dossier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the folder holds no .xml file</source>
        <translation>le dossier ne contient aucun fichier .xml</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading Pascal VOC files</source>
        <translation>Lecture des fichiers Pascal VOC</translation>
    </message>
</context>
<context>
    <name>Boucle::VocWriter</name>
    <message>
        <location filename="../core/interop/vocwriter.cpp" line="+75"/>
        <source>Writing Pascal VOC files</source>
        <translation>Écriture des fichiers Pascal VOC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the image path &apos;%1&apos; is not a relative path inside the images folder</source>
        <translation>le chemin d&apos;image «&#xa0;%1&#xa0;» n&apos;est pas un chemin relatif à l&apos;intérieur du dossier des images</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the images %1 and %2 would share the file %3</source>
        <translation>les images %1 et %2 partageraient le fichier %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the size of %1 is unknown</source>
        <translation>la taille de %1 est inconnue</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the image name &apos;%1&apos; holds a control character</source>
        <translation>le nom d&apos;image «&#xa0;%1&#xa0;» contient un caractère de contrôle</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1, object %2: %3</source>
        <translation>%1, objet %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pascal VOC has no points</source>
        <translation>Pascal VOC n&apos;a pas de points</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the class name is empty or holds a control character</source>
        <translation>le nom de classe est vide ou contient un caractère de contrôle</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the box has no area</source>
        <translation>la boîte n&apos;a pas d&apos;aire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the box %1, %2, %3 x %4 reaches outside the %5 x %6 image</source>
        <translation>la boîte %1, %2, %3 x %4 dépasse de l&apos;image de %5 x %6</translation>
    </message>
</context>
<context>
    <name>Boucle::WindowLevel</name>
    <message>
        <location filename="../core/imaging/windowlevel.cpp" line="+44"/>
        <source>Full range (0–65535)</source>
        <translation>Plage complète (0–65535)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data range (min–max)</source>
        <translation>Plage des données (min–max)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto (1–99 %)</source>
        <translation>Auto (1–99&#xa0;%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CT soft tissue (W 400, L 40)</source>
        <translation>Scanner, tissus mous (W 400, L 40)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CT bone (W 2000, L 400)</source>
        <translation>Scanner, os (W 2000, L 400)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CT lung (W 1500, L −600)</source>
        <translation>Scanner, poumon (W 1500, L −600)</translation>
    </message>
</context>
<context>
    <name>Boucle::WindowPresetCatalog</name>
    <message>
        <location filename="../core/imaging/windowpresetcatalog.cpp" line="+34"/>
        <source>not JSON at byte %1 (%2)</source>
        <translation>pas du JSON à l’octet %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file must hold one JSON object</source>
        <translation>le fichier doit contenir un seul objet JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be &quot;%1&quot;</source>
        <translation>doit valoir «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be 1 (the only version this Boucle reads)</source>
        <translation>doit valoir 1 (la seule version que ce Boucle lit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be an object keyed by modality (&quot;CT&quot;, &quot;MR&quot;, …)</source>
        <translation>doit être un objet indexé par modalité («&#xa0;CT&#xa0;», «&#xa0;MR&#xa0;», …)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a modality needs a name</source>
        <translation>une modalité doit avoir un nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an object with &quot;presets&quot;</source>
        <translation>doit être un objet avec «&#xa0;presets&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be text, e.g. &quot;HU&quot;</source>
        <translation>doit être du texte, p. ex. «&#xa0;HU&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be an object with name, width and centre</source>
        <translation>doit être un objet avec name, width et centre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be non-empty text</source>
        <translation>doit être un texte non vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a number of at least 1</source>
        <translation>doit être un nombre au moins égal à 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 cannot be read (%2)</source>
        <translation>%1 ne peut pas être lu (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; the built-in window presets are used</source>
        <translation>%1&#xa0;; les fenêtres prédéfinies intégrées sont utilisées</translation>
    </message>
</context>
<context>
    <name>Boucle::YoloDataYaml</name>
    <message>
        <location filename="../core/interop/yolodatayaml.cpp" line="+26"/>
        <source>a quote &apos; is not closed</source>
        <translation>un guillemet &apos; n&apos;est pas fermé</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+12"/>
        <source>a quote &quot; is not closed</source>
        <translation>un guillemet &quot; n&apos;est pas fermé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the escape \%1 needs %2 hexadecimal digits</source>
        <translation>l&apos;échappement \%1 nécessite %2 chiffres hexadécimaux</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>an entry of the mapping has no &apos;:&apos;</source>
        <translation>une entrée de la table de correspondance n&apos;a pas de «&#xa0;:&#xa0;»</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>expected &apos;,&apos; or &apos;%1&apos; after item %2 of the list</source>
        <translation>«&#xa0;,&#xa0;» ou «&#xa0;%1&#xa0;» attendu après l&apos;élément %2 de la liste</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected text after &apos;%1&apos;</source>
        <translation>texte inattendu après «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; is not a class index (a whole number from 0)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un indice de classe (un nombre entier à partir de 0)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>class %1 is named twice</source>
        <translation>la classe %1 est nommée deux fois</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the list opened here is not closed</source>
        <translation>la liste ouverte ici n&apos;est pas fermée</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>expected &apos;- name&apos; or &apos;index: name&apos;</source>
        <translation>«&#xa0;- name&#xa0;» ou «&#xa0;index: name&#xa0;» attendu</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>names is a list or a mapping of class names, not &apos;%1&apos;</source>
        <translation>names est une liste ou une table de correspondance de noms de classes, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>nc is the number of classes, a whole number from 0</source>
        <translation>nc est le nombre de classes, un nombre entier à partir de 0</translation>
    </message>
</context>
<context>
    <name>Boucle::YoloReader</name>
    <message>
        <location filename="../core/interop/yoloreader.cpp" line="+154"/>
        <source>no data.yaml or classes.txt names the classes (looked in %1)</source>
        <translation>aucun data.yaml ni classes.txt ne nomme les classes (recherché dans %1)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the file has neither names nor nc</source>
        <translation>le fichier n&apos;a ni names ni nc</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nc is %1 but names has %2 classes</source>
        <translation>nc vaut %1 mais names a %2 classes</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+17"/>
        <source>class %1 has an empty name</source>
        <translation>la classe %1 a un nom vide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file names no class</source>
        <translation>le fichier ne nomme aucune classe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>classes %1 and %2 have the same name &apos;%3&apos;</source>
        <translation>les classes %1 et %2 ont le même nom «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the line has %1 numbers; a box is &apos;class cx cy w h&apos; (5 numbers) and a polygon &apos;class x1 y1 x2 y2 x3 y3 ...&apos; (at least 7)</source>
        <translation>la ligne a %1 nombres&#xa0;; une boîte s&apos;écrit «&#xa0;class cx cy w h&#xa0;» (5 nombres) et un polygone «&#xa0;class x1 y1 x2 y2 x3 y3 ...&#xa0;» (au moins 7)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; is not a class index (a whole number from 0)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un indice de classe (un nombre entier à partir de 0)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NaN and infinite numbers are not allowed</source>
        <translation>les nombres NaN et infinis ne sont pas autorisés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the score %1 is outside 0..1</source>
        <translation>le score %1 est hors de 0..1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is outside 0..1; YOLO coordinates are fractions of the image&apos;s width and height</source>
        <translation>%1 est hors de 0..1&#xa0;; les coordonnées YOLO sont des fractions de la largeur et de la hauteur de l&apos;image</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the box has no area (width %1, height %2)</source>
        <translation>la boîte n&apos;a pas d&apos;aire (largeur %1, hauteur %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the box (centre %1, %2, size %3 x %4) reaches outside the image</source>
        <translation>la boîte (centre %1, %2, taille %3 x %4) dépasse de l&apos;image</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the file or folder does not exist</source>
        <translation>le fichier ou le dossier n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a YOLO label file is a .txt file; give it, its labels folder or the dataset folder (with labels/ and images/)</source>
        <translation>un fichier d&apos;étiquettes YOLO est un fichier .txt&#xa0;; indiquez-le, son dossier labels ou le dossier du jeu de données (avec labels/ et images/)</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+137"/>
        <source>Reading YOLO labels</source>
        <translation>Lecture des étiquettes YOLO</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>no image %1.* (%2) in %3 for this label file</source>
        <translation>aucune image %1.* (%2) dans %3 pour ce fichier d&apos;étiquettes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the images %1 share one label file name; rename one of them</source>
        <translation>les images %1 partagent un même nom de fichier d&apos;étiquettes&#xa0;; renommez l&apos;une d&apos;elles</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the image has no size</source>
        <translation>l&apos;image n&apos;a pas de taille</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>class %1 is not in the %2 classes of %3</source>
        <translation>la classe %1 ne fait pas partie des %2 classes de %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the polygon has an odd number of coordinates (%1), or a score column that the first line (%2) does not have</source>
        <translation>le polygone a un nombre impair de coordonnées (%1), ou une colonne de score que la première ligne (%2) n&apos;a pas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the polygon has no score column but the first line (%1) has one; or its coordinates are one short</source>
        <translation>le polygone n&apos;a pas de colonne de score mais la première ligne (%1) en a une&#xa0;; ou il lui manque une coordonnée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the line has a score column but the first line (%1) has none</source>
        <translation>la ligne a une colonne de score mais la première ligne (%1) n&apos;en a pas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the line has no score column but the first line (%1) has one</source>
        <translation>la ligne n&apos;a pas de colonne de score mais la première ligne (%1) en a une</translation>
    </message>
</context>
<context>
    <name>Boucle::YoloWriter</name>
    <message>
        <location filename="../core/interop/yolowriter.cpp" line="+59"/>
        <source>the classes &apos;%1&apos; and &apos;%2&apos; both have the index %3</source>
        <translation>les classes «&#xa0;%1&#xa0;» et «&#xa0;%2&#xa0;» ont toutes deux l&apos;indice %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the class &apos;%1&apos; has two indices, %2 and %3</source>
        <translation>la classe «&#xa0;%1&#xa0;» a deux indices, %2 et %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the class name &apos;%1&apos; holds a line break, which classes.txt cannot hold</source>
        <translation>le nom de classe «&#xa0;%1&#xa0;» contient un saut de ligne, ce que classes.txt ne peut pas contenir</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Writing YOLO labels</source>
        <translation>Écriture des étiquettes YOLO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the image path &apos;%1&apos; is not a relative path inside the images folder</source>
        <translation>le chemin d&apos;image «&#xa0;%1&#xa0;» n&apos;est pas un chemin relatif à l&apos;intérieur du dossier des images</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the images %1 and %2 would share the label file %3</source>
        <translation>les images %1 et %2 partageraient le fichier d&apos;étiquettes %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the size of %1 is unknown</source>
        <translation>la taille de %1 est inconnue</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1, object %2: %3</source>
        <translation>%1, objet %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>YOLO has no points</source>
        <translation>YOLO n&apos;a pas de points</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an object without a class</source>
        <translation>un objet sans classe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a prediction without a score</source>
        <translation>une prédiction sans score</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the score %1 is outside 0..1</source>
        <translation>le score %1 est hors de 0..1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the point (%1, %2) is outside the %3 x %4 image</source>
        <translation>le point (%1, %2) est hors de l&apos;image de %3 x %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a polygon of fewer than 3 points</source>
        <translation>un polygone de moins de 3 points</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the box has no area</source>
        <translation>la boîte n&apos;a pas d&apos;aire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the box %1, %2, %3 x %4 reaches outside the %5 x %6 image</source>
        <translation>la boîte %1, %2, %3 x %4 dépasse de l&apos;image de %5 x %6</translation>
    </message>
</context>
<context>
    <name>DatasetExporter</name>
    <message>
        <location filename="../core/dataset/datasetexporter.cpp" line="+65"/>
        <source>cannot write: %1</source>
        <translation>écriture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>there is no version %1</source>
        <translation>il n&apos;y a pas de version %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is the project file itself (or one of its SQLite files); choose another output file, nothing was written</source>
        <translation>%1 est le fichier du projet lui-même (ou l’un de ses fichiers SQLite)&#xa0;; choisissez un autre fichier de sortie, rien n’a été écrit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1; nothing was written to %2</source>
        <translation>%1&#xa0;; rien n&apos;a été écrit dans %2</translation>
    </message>
</context>
<context>
    <name>ProjectStore</name>
    <message>
        <location filename="../core/store/storetransaction.cpp" line="+19"/>
        <source>no project is open</source>
        <translation>aucun projet n&apos;est ouvert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is open read-only; nothing was changed</source>
        <translation>%1 est ouvert en lecture seule&#xa0;; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>starting a change</source>
        <translation>début d&apos;une modification</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>a part of the change failed; nothing was written</source>
        <translation>une partie de la modification a échoué&#xa0;; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>saving a change</source>
        <translation>enregistrement d&apos;une modification</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktop.cpp" line="+41"/>
        <source>Building the demo project from real handwritten digits…</source>
        <translation>Construction du projet de démonstration à partir de vrais chiffres manuscrits…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+21"/>
        <source>Boucle demo</source>
        <translation>Démonstration Boucle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo project could not be built: %1</source>
        <translation>Le projet de démonstration n&apos;a pas pu être construit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Could not reopen %1 after the import:
%2</source>
        <translation>Impossible de rouvrir %1 après l&apos;import&#xa0;:
%2</translation>
    </message>
</context>
</TS>
