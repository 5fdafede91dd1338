# Writes the labelme fixtures of tst_labelmeformat with labelme's own code (Debian's labelme
# 5.1.1): run with /usr/bin/python3 from this folder. See README.md.
import PIL.Image
from labelme.label_file import LabelFile


def shape(label, points, shape_type, group_id=None, flags=None):
    return {"label": label, "points": points, "group_id": group_id,
            "shape_type": shape_type, "flags": flags or {}}


PIL.Image.new("RGB", (64, 48), (200, 30, 30)).save("boxes.png")
LabelFile().save("boxes.json", [
    shape("cat", [[40.5, 30.25], [10.0, 5.5]], "rectangle"),
    shape("dog", [[0.0, 0.0], [64.0, 48.0]], "rectangle", group_id=3),
], "boxes.png", 48, 64, imageData=None)

PIL.Image.new("RGB", (32, 40), (30, 200, 30)).save("polygon.png")
LabelFile().save("polygon.json", [
    shape("leaf", [[2.0, 3.0], [30.0, 4.5], [16.25, 39.0]], "polygon", flags={"occluded": True}),
], "polygon.png", 40, 32, imageData=None, flags={"outdoor": True})

PIL.Image.new("RGB", (20, 10), (30, 30, 200)).save("point.png")
LabelFile().save("point.json", [
    shape("eye", [[12.75, 3.5]], "point"),
], "point.png", 10, 20, imageData=None)
