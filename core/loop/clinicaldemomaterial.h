// ClinicalDemoMaterial: the files of the clinical demo ("boucle demo --dataset ct"): CT-like
// series made from real handwritten digits of opencv-doc, so that a clinician's flow (slices,
// window presets in HU, heatmaps, review) can be tried at once. Each case is a folder of slices
// (DICOM, signed 16-bit with a rescale to HU): a body, two lungs and a spine, with one digit of
// the data set drawn as a soft-tissue "lesion" in the right lung over three slices. The model is
// the digits demo's committee, trained on the seed and asked about each lesion; its occlusion
// heatmap is laid over the lesion in the slice. Into `folder` it writes:
//   source/...              the digits demo's material the series are made from
//   cases/NNNN/IM01.dcm ... one series per case; the sample is the middle slice (IM05.dcm)
//   heatmaps/ct/NNNN.npy    heatmaps at the slice's size
//   predictions.jsonl       the prediction log (docs/formats.md), naming the middle slices
//   seed-labels.csv         the seed labels of the same cases
// Deterministic for a given seed. Blocks; call it from a worker thread in the GUI.
#pragma once

#include "learning/demomaterial.h"

#include <optional>

namespace Boucle {

class ClinicalDemoMaterial
{
public:
    static constexpr int sliceSize = 128;
    static constexpr int sliceCount = 9;

    // `options` are the digits material's (sampleLimit: the number of cases, 0 = 300).
    static std::optional<DemoMaterial::Summary> write(const QString &folder,
                                                      DemoMaterial::Options options, QString *error,
                                                      const LearningProgress &progress = {});
};

} // namespace Boucle
