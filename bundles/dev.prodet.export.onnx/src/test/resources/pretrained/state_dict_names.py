"""Writes the tensor names, shapes and dtypes of published backbone state dicts, which the backbones' weight name
maps must cover (PublishedWeightNamesTest). Made once; run again only when a map is added. The listings come from
the libraries themselves, never from this project's code; a model built with random weights has the same
state-dict keys and shapes as the published checkpoint:
  efficientnet-pytorch 0.7.1  efficientnet-b4-6ed6700e.pth, efficientnet-b0-355c32eb.pth (the paper's weights)
  timm                        efficientnet_b4 / tf_efficientnet_b4 / efficientnet_b0 / tf_efficientnet_b0
  torchvision                 resnet18-f37072fd.pth, resnet34-b627a593.pth (Debian's python3-torchvision)

    python3 state_dict_names.py   # needs torch, torchvision, efficientnet_pytorch and timm importable
"""
import json
import os

import timm
import torchvision
from efficientnet_pytorch import EfficientNet

here = os.path.dirname(os.path.abspath(__file__))


def dump(model, source, name):
    tensors = [[k, list(v.shape), str(v.dtype).replace("torch.", "")] for k, v in model.state_dict().items()]
    with open(os.path.join(here, name + ".json"), "w") as f:
        json.dump({"source": source, "tensors": tensors}, f, separators=(",", ":"))
        f.write("\n")


for variant in ("b0", "b4"):
    dump(EfficientNet.from_name("efficientnet-" + variant),
         "efficientnet_pytorch EfficientNet.from_name('efficientnet-" + variant + "')",
         "efficientnet-pytorch-" + variant)
    for name in ("efficientnet_" + variant, "tf_efficientnet_" + variant):
        dump(timm.create_model(name, pretrained=False), "timm " + timm.__version__ + " create_model('" + name + "')",
             "timm-" + name)
for name in ("resnet18", "resnet34"):
    dump(getattr(torchvision.models, name)(), "torchvision " + torchvision.__version__ + " models." + name + "()",
         "torchvision-" + name)
