#!/usr/bin/env python3
"""The compact ProDet training step in PyTorch eager, built from a checkpoint's network.json and params.bin.

This is the yardstick for the project's own step (./prodet bench train, docs/benchmarks.md "Training"): the same
network description, the same initial weights and the same step structure as the opr-tb strategy (method.md §2):
backbone and feature adjustment on the whole batch (4 anchors x N tuples), the three transition blocks on the N rows
of the anchor each starts from, the head on the batch plus the three bridged blocks (7 x N rows), triplet
soft cross-entropy + final soft cross-entropy + transition MSE, backward, Adam with coupled weight decay.

Not part of the Maven build. Needs PyTorch (Debian: apt-get install python3-torch) and a checkpoint folder, e.g. the
one `./prodet bench train` writes with --export-checkpoint DIR (network.json + params.bin, see ParameterFile).

    python3 bench/torch_step.py --checkpoint DIR [--threads 1,2] [--steps 20] [--rounds 3] [--tuples 8]

Prints one line per (round, threads) and a summary of medians: images/s and ms per step.
"""
import argparse
import json
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

MAGIC = 0x5044504152414D31  # "PDPARAM1"
FEATURE = "head.adjust"
TRANSITIONS = ["head.t_rs.out_act", "head.t_sc.out_act", "head.t_cd.out_act"]
HEAD_OUTPUTS = ["head.bld.fc2", "head.id.fc2", "head.gen.fc2", "head.cls.fc2"]
# anchors in batch order and their (blend, identity, generative) attributes (AnchorKind)
ANCHORS = [("REAL", (0, 0, 0)), ("SBI", (1, 0, 0)), ("CBI", (1, 1, 0)), ("DEEPFAKE", (1, 1, 1))]
PAIRS = [(0, 1), (1, 2), (2, 3)]  # latent order r2b2d: real->SBI, SBI->CBI, CBI->deepfake


def read_params(path):
    """ParameterFile: magic, count, then per parameter name (modified UTF-8), rank, dims, count, big-endian floats."""
    out = {}
    with open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack_from(">qi", data, 0)
    if magic != MAGIC:
        sys.exit(f"{path}: not a ProDet parameter file (bad magic)")
    pos = 12
    for _ in range(count):
        (n,) = struct.unpack_from(">H", data, pos)
        name = data[pos + 2 : pos + 2 + n].decode("utf-8")
        pos += 2 + n
        (rank,) = struct.unpack_from(">i", data, pos)
        dims = struct.unpack_from(f">{rank}q", data, pos + 4)
        pos += 4 + 8 * rank
        (size,) = struct.unpack_from(">i", data, pos)
        pos += 4
        values = np.frombuffer(data, dtype=">f4", count=size, offset=pos).astype(np.float32)
        pos += 4 * size
        out[name] = torch.from_numpy(values).reshape(dims)
    return out


def parameter_names(node):
    op = node["op"]
    kind = op["op"]
    name = node["name"]
    if kind in ("conv2d", "convTranspose2d", "linear"):
        return [name + ".weight"] + ([name + ".bias"] if op["bias"] else [])
    if kind == "batchNorm":
        return [name + ".gamma", name + ".beta", name + ".runningMean", name + ".runningVar"]
    return []


class Graph(torch.nn.Module):
    """The network description evaluated op by op, as the DJL lowering does (GraphBlock/OpKernels)."""

    def __init__(self, network, values):
        super().__init__()
        self.nodes = network["nodes"]
        self.by_name = {n["name"]: n for n in self.nodes}
        self.trainable = torch.nn.ParameterDict()
        self.stats = {}
        for node in self.nodes:
            for p in parameter_names(node):
                v = values[p].clone()
                if p.endswith(".runningMean") or p.endswith(".runningVar"):
                    self.register_buffer(p.replace(".", "_"), v)
                    self.stats[p] = p.replace(".", "_")
                else:
                    self.trainable[p.replace(".", "_")] = torch.nn.Parameter(v)
        self.plans = {}

    def param(self, name):
        key = name.replace(".", "_")
        return getattr(self, self.stats[name]) if name in self.stats else self.trainable[key]

    def plan(self, given, wanted):
        key = (tuple(sorted(given)), tuple(wanted))
        if key not in self.plans:
            needed, todo = set(), list(wanted)
            while todo:
                t = todo.pop()
                if t in given or t in needed:
                    continue
                needed.add(t)
                todo.extend(self.by_name[t]["inputs"])
            self.plans[key] = [n for n in self.nodes if n["name"] in needed]
        return self.plans[key]

    def run(self, given, wanted):
        values = dict(given)
        for node in self.plan(given.keys(), wanted):
            values[node["name"]] = self.apply(node, [values[i] for i in node["inputs"]])
        return [values[w] for w in wanted]

    def apply(self, node, xs):
        op, n, x = node["op"], node["name"], xs[0]
        kind = op["op"]
        if kind == "conv2d":
            p = op["padding"]
            w, b = self.param(n + ".weight"), self.param(n + ".bias") if op["bias"] else None
            stride, dil = (op["strideH"], op["strideW"]), (op["dilationH"], op["dilationW"])
            if p["top"] == p["bottom"] and p["left"] == p["right"]:
                return F.conv2d(x, w, b, stride, (p["top"], p["left"]), dil, op["groups"])
            x = F.pad(x, (p["left"], p["right"], p["top"], p["bottom"]))
            return F.conv2d(x, w, b, stride, 0, dil, op["groups"])
        if kind == "convTranspose2d":
            p = op["padding"]
            b = self.param(n + ".bias") if op["bias"] else None
            return F.conv_transpose2d(x, self.param(n + ".weight"), b, (op["strideH"], op["strideW"]),
                                      (p["top"], p["left"]))
        if kind == "batchNorm":
            return F.batch_norm(x, self.param(n + ".runningMean"), self.param(n + ".runningVar"),
                                self.param(n + ".gamma"), self.param(n + ".beta"), True, op["momentum"],
                                op["epsilon"])
        if kind == "activation":
            a = op["kind"]
            if a == "RELU":
                return F.relu(x)
            if a == "LEAKY_RELU":
                return F.leaky_relu(x, op["alpha"])
            if a == "SILU":
                return F.silu(x)
            if a == "SIGMOID":
                return torch.sigmoid(x)
        if kind == "pool2d":
            k, s, p = op["kernel"], op["stride"], op["padding"]
            return F.max_pool2d(x, k, s, p) if op["max"] else F.avg_pool2d(x, k, s, p, count_include_pad=True)
        if kind == "globalAvgPool":
            return x.mean((2, 3), keepdim=True)
        if kind == "linear":
            return F.linear(x, self.param(n + ".weight"), self.param(n + ".bias") if op["bias"] else None)
        if kind == "add":
            return x + xs[1]
        if kind == "mul":
            return x * xs[1]
        if kind == "concat":
            return torch.cat(xs, op["axis"])
        if kind == "flatten":
            return x.flatten(1)
        if kind == "reshape":
            return x.reshape([x.shape[0]] + op["shape"])
        if kind == "softmax":
            return torch.softmax(x, op["axis"])
        if kind == "take":
            return x.select(op["axis"], op["index"])
        if kind == "dropout":
            return F.dropout(x, op["rate"], True)
        if kind == "dropConnect":
            keep = 1 - op["rate"]
            mask = torch.floor(torch.rand(x.shape[0], 1, 1, 1) + keep)
            return x / keep * mask
        if kind == "gaussianNoise":
            return torch.randn_like(x)
        raise ValueError(f"no PyTorch kernel for {kind} at {n}")


def soft_ce(logits, c):
    """Losses.softCrossEntropy: mean of -((1-c) log p0 + c log p1)."""
    c = c.reshape(-1, 1)
    return -(F.log_softmax(logits, 1) * torch.cat([1 - c, c], 1)).sum(1).mean()


def make_step(graph, opt, tuples, generator):
    n = tuples
    attrs = [torch.tensor([a[k] for _, a in ANCHORS for _ in range(n)], dtype=torch.float32) for k in range(3)]

    def step(images):
        opt.zero_grad(set_to_none=True)
        (f,) = graph.run({"image": images}, [FEATURE])
        parts, lt, bridged = [f], 0, [[], [], []]
        for p, (a, b) in enumerate(PAIRS):
            src, dst = f[a * n : (a + 1) * n], f[b * n : (b + 1) * n]
            (moved,) = graph.run({FEATURE: src}, [TRANSITIONS[p]])
            lt = lt + (moved - dst).square().mean()
            alpha = 0.5 + 1.5 * torch.rand(n, generator=generator)
            lam = torch.distributions.Beta(alpha, alpha).sample()
            parts.append(dst * lam.reshape(n, 1, 1, 1) + src * (1 - lam.reshape(n, 1, 1, 1)))
            for k in range(3):
                fa, fb = ANCHORS[a][1][k], ANCHORS[b][1][k]
                bridged[k].append(lam * fb + (1 - lam) * fa)
        labels = [torch.cat([attrs[k]] + bridged[k]) for k in range(3)]
        zb, zi, zg, logits = graph.run({FEATURE: torch.cat(parts, 0)}, HEAD_OUTPUTS)
        lo = soft_ce(zb, labels[0]) + soft_ce(zi, labels[1]) + soft_ce(zg, labels[2])
        total = soft_ce(logits, labels[0]) + lo + lt
        total.backward()
        opt.step()
        return total.item()

    return step


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--checkpoint", required=True, help="folder with network.json and params.bin")
    ap.add_argument("--threads", default="1,2", help="intra-op thread counts, comma separated")
    ap.add_argument("--steps", type=int, default=20, help="timed steps per (round, threads)")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3, help="rounds; thread counts alternate inside each round")
    ap.add_argument("--tuples", type=int, default=8, help="tuples per batch (4 images each)")
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--foreach", action="store_true", help="torch.optim.Adam(foreach=True)")
    ap.add_argument("--channels-last", action="store_true", help="4-D weights and the input in channels-last layout")
    args = ap.parse_args()

    network = json.load(open(os.path.join(args.checkpoint, "network.json")))
    values = read_params(os.path.join(args.checkpoint, "params.bin"))
    size = network["inputs"]["image"]["dims"][2]
    threads = [int(t) for t in args.threads.split(",")]
    print(f"torch {torch.__version__}, {torch.__config__.parallel_info().splitlines()[-1].strip()}, "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}, network {network['name']}, "
          f"{4 * args.tuples} images of {size} px per step", flush=True)
    results = {t: [] for t in threads}
    for r in range(args.rounds):
        for t in threads:
            torch.set_num_threads(t)
            torch.manual_seed(1)
            gen = torch.Generator().manual_seed(1)
            graph = Graph(network, values)
            if args.channels_last:
                graph = graph.to(memory_format=torch.channels_last)
            opt = torch.optim.Adam(graph.parameters(), lr=args.lr, weight_decay=args.weight_decay,
                                   **({"foreach": True} if args.foreach else {}))
            step = make_step(graph, opt, args.tuples, gen)
            batches = [torch.randn(4 * args.tuples, 3, size, size, generator=gen) for _ in range(4)]
            if args.channels_last:
                batches = [b.contiguous(memory_format=torch.channels_last) for b in batches]
            for i in range(args.warmup):
                step(batches[i % 4])
            times = []
            for i in range(args.steps):
                t0 = time.perf_counter()
                step(batches[i % 4])
                times.append(time.perf_counter() - t0)
            med = statistics.median(times)
            results[t].extend(times)
            print(f"round {r + 1} threads {t}: median {1000 * med:.1f} ms/step, {4 * args.tuples / med:.1f} images/s"
                  f" (min {1000 * min(times):.1f}, max {1000 * max(times):.1f})", flush=True)
    for t in threads:
        med = statistics.median(results[t])
        print(f"pytorch eager, {t} thread(s): {4 * args.tuples / med:.1f} images/s, {1000 * med:.1f} ms/step "
              f"(median of {len(results[t])} steps)")


if __name__ == "__main__":
    main()
