"""Makes the round-trip fixture for PretrainedRoundTripTest, once, with PyTorch eager as the independent reference:

  tiny-efficientnet.safetensors  a small EfficientNet built by efficientnet-pytorch 0.7.1 itself (stem, a
                                 non-expanding block, two expanding k5 blocks of which the second has the skip connection, head; width 0.25,
                                 32 px; like every stage's first block in B0-B7, the first block of a stage changes
                                 its width, since efficientnet-pytorch adds the skip only to repeats there), random
                                 weights and batch-norm statistics, written here by hand with numpy (the format:
                                 8-byte little-endian header length, JSON header, raw little-endian data), so the
                                 Java reader is checked against a writer it shares no code with. Some batch norms are
                                 stored as F16 and BF16, and the file also carries what efficientnet-pytorch
                                 checkpoints carry but the network does not use (_fc, num_batches_tracked).
  tiny-efficientnet.json         the model's outputs in eval mode for two images given by a formula (below):
                                 per-channel means of extract_features and the first 4 channels of image 0.

    PYTHONPATH=<efficientnet-pytorch 0.7.1 source> python3 tiny_efficientnet.py   # Debian python3-torch, numpy
"""
import json
import os

import numpy as np
import torch
from efficientnet_pytorch import EfficientNet
from efficientnet_pytorch.utils import BlockArgs, GlobalParams

torch.manual_seed(20240611)
blocks = [
    BlockArgs(num_repeat=1, kernel_size=3, stride=[1], expand_ratio=1, input_filters=32, output_filters=64,
              se_ratio=0.25, id_skip=True),
    BlockArgs(num_repeat=2, kernel_size=5, stride=[2], expand_ratio=6, input_filters=64, output_filters=64,
              se_ratio=0.25, id_skip=True),
]
params = GlobalParams(width_coefficient=0.25, depth_coefficient=1.0, image_size=32, dropout_rate=0.2,
                      num_classes=5, batch_norm_momentum=0.99, batch_norm_epsilon=1e-3, drop_connect_rate=0.2,
                      depth_divisor=8, min_depth=None, include_top=True)
model = EfficientNet(blocks, params)

# stored as F16 / BF16: round the model's own values first, so PyTorch computes with exactly what the file holds
HALF = {"_bn0.": torch.float16, "_blocks.0._bn1.": torch.bfloat16}


def storage(name):
    for prefix, dtype in HALF.items():
        if name.startswith(prefix) and not name.endswith("num_batches_tracked"):
            return dtype
    return None


with torch.no_grad():
    for name, t in model.state_dict().items():
        if t.dtype != torch.float32:
            continue
        if name.endswith("running_mean") or name.endswith(".bias"):
            t.copy_(torch.randn_like(t) * 0.1)
        elif name.endswith("running_var"):
            t.copy_(torch.rand_like(t) + 0.5)
        elif "_bn" in name and name.endswith(".weight"):
            t.copy_(torch.rand_like(t) + 0.5)
        if storage(name) is not None:
            t.copy_(t.to(storage(name)).float())

NP = {torch.float32: ("F32", np.float32), torch.float16: ("F16", np.float16), torch.int64: ("I64", np.int64)}
header, blobs, offset = {"__metadata__": {"format": "pt", "made_by": "tiny_efficientnet.py"}}, [], 0
for name, t in model.state_dict().items():
    dtype = storage(name) or t.dtype
    if dtype == torch.bfloat16:  # numpy has no bfloat16: the upper 16 bits of each float32
        raw = (t.float().numpy().astype("<f4").view("<u4") >> 16).astype("<u2").tobytes()
        tag = "BF16"
    else:
        tag, npt = NP[dtype]
        raw = t.to(dtype).numpy().astype(np.dtype(npt).newbyteorder("<")).tobytes()
    header[name] = {"dtype": tag, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
    blobs.append(raw)
    offset += len(raw)
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "tiny-efficientnet.safetensors"), "wb") as f:
    f.write(len(text).to_bytes(8, "little"))
    f.write(text)
    for b in blobs:
        f.write(b)

# input: x[n, c, h, w] = sin(0.37 n + 0.11 c + 0.05 h - 0.07 w + 0.013 h w), computed in float64, stored as float32
n, c, h, w = np.meshgrid(np.arange(2), np.arange(3), np.arange(32), np.arange(32), indexing="ij")
x = np.sin(0.37 * n + 0.11 * c + 0.05 * h - 0.07 * w + 0.013 * h * w).astype(np.float32)
model.eval()
with torch.no_grad():
    features = model.extract_features(torch.from_numpy(x))
with open(os.path.join(here, "tiny-efficientnet.json"), "w") as f:
    json.dump({
        "reference": "PyTorch " + torch.__version__ + " eager, efficientnet_pytorch.EfficientNet.extract_features, eval",
        "input": "x[n,c,h,w] = sin(0.37n + 0.11c + 0.05h - 0.07w + 0.013hw), shape [2,3,32,32]",
        "featureShape": list(features.shape),
        "channelMeans": features.mean(dim=(2, 3)).flatten().tolist(),
        "image0FirstChannels": features[0, :4].flatten().tolist(),
    }, f, indent=1)
    f.write("\n")
