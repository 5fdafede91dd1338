"""Confident learning in plain numpy, the peer of bench_suspects.

Usage: suspects_peer.py DIR
Reads DIR/probs.npy (N x C float32, out-of-sample) and DIR/labels.npy (N int32, -1 = unlabelled),
finds the suspect labels by the same method as Boucle's ConfidentLearning (Northcutt, Jiang &
Chuang, JAIR 2021: per-class thresholds, confident joint, calibration, pruning by noise rate,
ranking by normalised margin), twice: pruning by noise rate, then taking each class's estimated
number of errors with the lowest margins. Writes the rows, most suspect first, one a line, to
DIR/peer_noise_rate.txt and DIR/peer_per_class.txt, and prints the seconds each took (reading the
files is not counted).
"""
import sys
import time

import numpy as np


def round_keeping_total(values):
    """Floors, then gives the missing units to the largest fractions (ties to the lower index)."""
    floors = np.floor(values)
    missing = int(round(values.sum())) - int(floors.sum())
    if missing > 0:
        order = np.lexsort((np.arange(len(values)), -(values - floors)))
        floors[order[:missing]] += 1
    return floors.astype(np.int64)


def find_suspects(probs, labels, per_class=False):
    n_classes = probs.shape[1]
    labelled = labels >= 0
    p = probs[labelled].astype(np.float64)
    given = labels[labelled]
    rows = np.flatnonzero(labelled)
    counts = np.bincount(given, minlength=n_classes)

    # Thresholds: mean self-confidence per class (NaN for a class nobody labelled).
    sums = np.bincount(given, weights=p[np.arange(len(given)), given], minlength=n_classes)
    with np.errstate(invalid="ignore", divide="ignore"):
        thresholds = np.where(counts > 0, sums / counts, np.nan)

    # Confident joint: argmax over the classes that pass their threshold.
    qualifies = p >= thresholds - 1e-6
    masked = np.where(qualifies, p, -np.inf)
    confident = masked.argmax(axis=1)
    any_qualifies = qualifies.any(axis=1)
    joint = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(joint, (given[any_qualifies], confident[any_qualifies]), 1)

    # Calibration.
    calibrated = joint.astype(np.float64)
    np.fill_diagonal(calibrated, np.maximum(calibrated.diagonal(), 1))
    row_sums = calibrated.sum(axis=1, keepdims=True)
    calibrated = np.where(counts[:, None] > 0, calibrated / row_sums * counts[:, None], 0.0)
    calibrated = calibrated / calibrated.sum() * counts.sum()

    # Ranking score: normalised margin of the given label against the best other class.
    self_confidence = p[np.arange(len(given)), given]
    others = p.copy()
    others[np.arange(len(given)), given] = -np.inf
    score = (self_confidence - others.max(axis=1) + 1.0) / 2.0

    # Pruning by noise rate, or the lowest scores per class.
    prune = np.stack([round_keeping_total(row) for row in calibrated])
    marked = np.zeros(len(given), dtype=bool)
    for i in range(n_classes):
        if counts[i] <= 1:
            continue
        members = np.flatnonzero(given == i)
        if per_class:
            take = counts[i] - prune[i, i]
            if take > 0:
                order = np.lexsort((members, score[members]))
                marked[members[order[:take]]] = True
            continue
        for j in range(n_classes):
            k = min(prune[i, j], counts[i])
            if i == j or k <= 0:
                continue
            margin = probs[rows[members], j] - probs[rows[members], i]  # float32, as Boucle
            order = np.lexsort((members, -margin))
            marked[members[order[:k]]] = True
    marked &= p.argmax(axis=1) != given

    # Ranking, lowest score first.
    suspects = np.flatnonzero(marked)
    order = np.lexsort((suspects, score[suspects]))
    return rows[suspects[order]]


def main():
    folder = sys.argv[1]
    probs = np.load(folder + "/probs.npy")
    labels = np.load(folder + "/labels.npy").astype(np.int64)
    for per_class, name in ((False, "noise_rate"), (True, "per_class")):
        start = time.perf_counter()
        suspects = find_suspects(probs, labels, per_class)
        elapsed = time.perf_counter() - start
        np.savetxt(folder + "/peer_" + name + ".txt", suspects, fmt="%d")
        print(name, elapsed)


if __name__ == "__main__":
    main()
