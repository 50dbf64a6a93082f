#!/usr/bin/python3
"""PyTorch twin of org.mer4j.train.bench.TrainStepBench, for tools/bench/train-step.sh.

The same architectures as mer4j's `cross-attention` and `mult` fusion models with the framework's
A/H step head and loss, written op for op after the Java blocks (org.mer4j.models.layers.*,
org.mer4j.models.fusion.CrossAttentionFusionBlock / MultBlock / MultProjection, DJL 0.32's
ScaledDotProductAttentionBlock, org.mer4j.train.tasks.Losses.binaryCrossEntropy), so both sides
run the same tensor operations; the parameter counts printed at start-up must equal mer4j's.
One training step = forward, loss, backward, torch.optim.Adam (lr 1e-3, weight decay 1e-4, L2 as in
mer4j's Adam; the version's default implementation), zero_grad(); on one fixed random batch (B clips of T steps, 10% missing steps per
modality), one intra-op and one inter-op thread.

Protocol (the same as the Java main): after building the models and --warmup steps of each, prints
`@@ready {json}`; then reads `run MODEL N` lines from stdin and answers `@@run {json}` with the
per-step milliseconds (wall-clock total and per phase, and the CPU time of the calling thread);
`profile MODEL N FILE` does the same under torch.autograd.profiler and writes its Chrome trace to
FILE; `quit` ends. With --steps N it runs N steps of each
model without reading stdin.

Usage: train_step_torch.py [--models cross-attention,mult] [--batch 8] [--steps-per-clip 20]
       [--dmodel 64] [--warmup 50] [--steps N]
"""
import argparse
import json
import math
import platform
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# the quickstart's feature widths, as in TrainStepBench.quickstartDims()
DIMS = {"video": 40, "audio": 16, "text": 38}


def positional_table(steps, d_model):
    """PositionalEncoding.table: PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(...), as [1, T, d]."""
    pe = torch.zeros(steps, d_model)
    for t in range(steps):
        for i in range(0, d_model, 2):
            angle = t / math.pow(10000.0, i / d_model)
            pe[t, i] = math.sin(angle)
            if i + 1 < d_model:
                pe[t, i + 1] = math.cos(angle)
    return pe.unsqueeze(0)


def self_attention_mask(step_mask):
    """AttentionMasks.selfAttention: [B,T] -> [B,T,T], valid keys plus the diagonal."""
    b, t = step_mask.shape
    keys = step_mask.unsqueeze(1).expand(b, t, t)
    return torch.maximum(keys, torch.eye(t).unsqueeze(0))


_BANDS = {}


def band_mask(queries, keys, window):
    """AttentionMasks.band: [1, queries, keys + 1], 1 where |q - k| <= window, and in the last column.
    A constant of the sizes (mer4j builds it on the Java side in one operation); made once here."""
    band = _BANDS.get((queries, keys, window))
    if band is None:
        q = torch.arange(0.0, float(queries)).reshape(queries, 1)
        k = torch.arange(0.0, float(keys)).reshape(1, keys)
        inside = ((q - k).abs() <= window).float()
        band = _BANDS[(queries, keys, window)] = torch.cat([inside, torch.ones(queries, 1)], 1).unsqueeze(0)
    return band


class ScaledDotProductAttention(nn.Module):
    """DJL 0.32 ScaledDotProductAttentionBlock: k/q/v/result projections with bias, scores * 1/sqrt(H),
    a [B,T,F] 0/1 mask turned into an offset of -100000 at masked keys, softmax, dropout, weighted sum."""

    def __init__(self, d, heads, dropout):
        super().__init__()
        self.d, self.heads = d, heads
        self.key = nn.Linear(d, d)
        self.query = nn.Linear(d, d)
        self.value = nn.Linear(d, d)
        self.result = nn.Linear(d, d)
        self.dropout = nn.Dropout(dropout)

    def forward(self, keys, queries, values, mask):
        b, f, e = keys.shape
        t = queries.shape[1]
        n = self.heads
        h = e // n
        k = self.key(keys.reshape(b * f, e)).reshape(b, f, n, h).permute(0, 2, 1, 3)
        q = self.query(queries.reshape(b * t, e)).reshape(b, t, n, h).permute(0, 2, 1, 3)
        v = self.value(values.reshape(b * f, e)).reshape(b, f, n, h).permute(0, 2, 1, 3)
        scores = torch.matmul(q, k.permute(0, 1, 3, 2)) * torch.tensor(1.0 / math.sqrt(h))
        expanded = mask.reshape(b, 1, t, f)
        offset = (expanded.float() * torch.tensor(-1.0) + torch.tensor(1.0)) * torch.tensor(-100000.0)
        probs = self.dropout((scores + offset).softmax(3))
        out = torch.matmul(probs, v).permute(0, 2, 1, 3).reshape(b * t, e)
        return self.result(out).reshape(b, t, e)


class FeedForward(nn.Module):
    """FeedForwardBlock: Linear(d, k*d), GELU (exact), dropout, Linear(k*d, d)."""

    def __init__(self, d, multiplier, dropout):
        super().__init__()
        self.expand = nn.Linear(d, d * multiplier)
        self.contract = nn.Linear(d * multiplier, d)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.contract(self.dropout(F.gelu(self.expand(x))))


class ResidualSublayers(nn.Module):
    """ResidualSublayers: dropout, LayerNorm(x + a), feed-forward, dropout, LayerNorm(h + ff) (post-norm)."""

    def __init__(self, d, multiplier, dropout):
        super().__init__()
        self.attention_dropout = nn.Dropout(dropout)
        self.attention_norm = nn.LayerNorm(d, eps=1e-5)
        self.feed_forward = FeedForward(d, multiplier, dropout)
        self.feed_forward_dropout = nn.Dropout(dropout)
        self.feed_forward_norm = nn.LayerNorm(d, eps=1e-5)

    def forward(self, x, attended):
        h = self.attention_norm(x + self.attention_dropout(attended))
        ff = self.feed_forward_dropout(self.feed_forward(h))
        return self.feed_forward_norm(h + ff)


class EncoderLayer(nn.Module):
    """EncoderLayer: masked self-attention then the residual sublayers."""

    def __init__(self, d, heads, multiplier, dropout):
        super().__init__()
        self.attention = ScaledDotProductAttention(d, heads, dropout)
        self.sublayers = ResidualSublayers(d, multiplier, dropout)

    def forward(self, x, mask):
        return self.sublayers(x, self.attention(x, x, x, mask))


class CrossModalLayer(nn.Module):
    """CrossModalLayer: a learned always-valid null key appended to the sources, the cross mask
    (times the band mask with a window), attention target <- sources, the residual sublayers."""

    def __init__(self, d, heads, multiplier, dropout, window):
        super().__init__()
        self.d, self.window = d, window
        self.null_token = nn.Parameter(torch.randn(1, 1, d) * 0.02)
        self.attention = ScaledDotProductAttention(d, heads, dropout)
        self.sublayers = ResidualSublayers(d, multiplier, dropout)

    def forward(self, target, sources, source_mask):
        b, steps = target.shape[0], target.shape[1]
        token = torch.zeros(b, 1, self.d) + self.null_token
        keys = torch.cat([sources, token], 1)
        key_mask = torch.cat([source_mask, torch.ones(b, 1)], 1)
        mask = key_mask.unsqueeze(1).expand(b, steps, key_mask.shape[1])
        if self.window is not None:
            mask = mask * band_mask(steps, sources.shape[1], self.window)
        return self.sublayers(target, self.attention(keys, target, keys, mask))


class ModalityEncoder(nn.Module):
    """ModalityEncoder: Linear(D, d) on x*mask, + positions, dropout, masked self-attention layers."""

    def __init__(self, dim, d, heads, layers, multiplier, dropout, steps):
        super().__init__()
        self.projection = nn.Linear(dim, d)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList([EncoderLayer(d, heads, multiplier, dropout) for _ in range(layers)])
        self.register_buffer("pe", positional_table(steps, d))

    def forward(self, x, mask):
        h = self.projection(x * mask.unsqueeze(2))
        h = self.dropout(h + self.pe)
        attention_mask = self_attention_mask(mask)
        for layer in self.layers:
            h = layer(h, attention_mask)
        return h


class StepHead(nn.Module):
    """TaskHeads with one step head: Linear(D_s, 1) on every step."""

    def __init__(self, d):
        super().__init__()
        self.linear = nn.Linear(d, 1)

    def forward(self, steps):
        return self.linear(steps)


class CrossAttentionModel(nn.Module):
    """CrossAttentionFusionBlock + the A/H step head: per-modality encoders, per target one cross-modal
    layer over the other modalities concatenated in time, Linear(M*d, d) + GELU, step head."""

    def __init__(self, dims, d, heads, dropout, multiplier, window, steps, layers=1, cross_layers=1):
        super().__init__()
        self.encoders = nn.ModuleList([ModalityEncoder(dim, d, heads, layers, multiplier, dropout, steps) for dim in dims])
        self.cross = nn.ModuleList([nn.ModuleList([CrossModalLayer(d, heads, multiplier, dropout, window)
                                                   for _ in range(cross_layers)]) for _ in dims])
        self.fusion_projection = nn.Linear(len(dims) * d, d)
        self.head = StepHead(d)

    def forward(self, xs, masks):
        m = len(xs)
        encoded = [self.encoders[i](xs[i], masks[i]) for i in range(m)]
        attended = []
        for target in range(m):
            source = torch.cat([encoded[s] for s in range(m) if s != target], 1)
            source_mask = torch.cat([masks[s] for s in range(m) if s != target], 1)
            h = encoded[target]
            for layer in self.cross[target]:
                h = layer(h, source, source_mask)
            attended.append(h)
        fused = F.gelu(self.fusion_projection(torch.cat(attended, 2)))
        union = masks[0]
        for mask in masks[1:]:
            union = torch.maximum(union, mask)
        return self.head(fused), union


class MultProjection(nn.Module):
    """MultProjection at kernel 1: bias-free Linear(D, d) on x*mask, times the mask, + positions, dropout."""

    def __init__(self, dim, d, dropout, steps):
        super().__init__()
        self.conv = nn.Linear(dim, d, bias=False)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer("pe", positional_table(steps, d))

    def forward(self, x, mask):
        m = mask.unsqueeze(2)
        h = self.conv(x * m) * m
        return self.dropout(h + self.pe)


class MultModel(nn.Module):
    """MultBlock + the A/H step head: projections, a crossmodal layer per ordered pair, per target a
    self-attention layer of width (M-1)*d over the union mask, Linear(M(M-1)d, d), the residual output
    block h + W2 dropout(relu(W1 h)), step head."""

    def __init__(self, dims, d, heads, dropout, multiplier, steps, cross_layers=1, self_layers=1):
        super().__init__()
        m = len(dims)
        self.projections = nn.ModuleList([MultProjection(dim, d, dropout, steps) for dim in dims])
        self.cross = nn.ModuleList([nn.ModuleList([nn.ModuleList([CrossModalLayer(d, heads, multiplier, dropout, None)
                                                                  for _ in range(cross_layers)])
                                                   for s in range(m) if s != t]) for t in range(m)])
        self.self_attention = nn.ModuleList([nn.ModuleList([EncoderLayer((m - 1) * d, heads, multiplier, dropout)
                                                            for _ in range(self_layers)]) for _ in range(m)])
        self.fusion_projection = nn.Linear(m * (m - 1) * d, d)
        self.output_hidden = nn.Linear(d, d)
        self.output_dropout = nn.Dropout(dropout)
        self.output_projection = nn.Linear(d, d)
        self.head = StepHead(d)

    def forward(self, xs, masks):
        m = len(xs)
        projected = [self.projections[i](xs[i], masks[i]) for i in range(m)]
        union = masks[0]
        for mask in masks[1:]:
            union = torch.maximum(union, mask)
        self_mask = self_attention_mask(union)
        targets = []
        for target in range(m):
            from_sources = []
            k = 0
            for source in range(m):
                if source == target:
                    continue
                z = projected[target]
                for layer in self.cross[target][k]:
                    z = layer(z, projected[source], masks[source])
                from_sources.append(z)
                k += 1
            h = from_sources[0] if len(from_sources) == 1 else torch.cat(from_sources, 2)
            for layer in self.self_attention[target]:
                h = layer(h, self_mask)
            targets.append(h)
        fused = self.fusion_projection(torch.cat(targets, 2))
        hidden = self.output_dropout(F.relu(self.output_hidden(fused)))
        fused = fused + self.output_projection(hidden)
        return self.head(fused), union


def binary_cross_entropy(z, y, mask, positive_weight):
    """Losses.binaryCrossEntropy: masked BCE with logits and a positive-class weight, mean over labelled entries."""
    softplus = F.relu(z) + ((-z.abs()).exp() + torch.tensor(1.0)).log()
    positive = (softplus - z) * y * torch.tensor(positive_weight)
    negative = softplus * (torch.tensor(1.0) - y)
    return ((positive + negative) * mask).sum() / torch.maximum(mask.sum(), torch.tensor(1.0))


class Bench:
    def __init__(self, name, batch, steps, d):
        torch.manual_seed(1)
        dims = list(DIMS.values())
        if name == "cross-attention":  # the quickstart row: dModel 64, dropout 0.3, window 1, defaults otherwise
            self.model = CrossAttentionModel(dims, d, heads=4, dropout=0.3, multiplier=4, window=1, steps=steps)
        elif name == "mult":
            self.model = MultModel(dims, d, heads=4, dropout=0.3, multiplier=4, steps=steps)
        else:
            raise SystemExit(f"--models: '{name}' is not benchmarked; use cross-attention and/or mult")
        self.model.train()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-4)
        g = torch.Generator().manual_seed(1)
        self.masks = [(torch.rand(batch, steps, generator=g) >= 0.1).float() for _ in dims]
        self.xs = [torch.randn(batch, steps, dim, generator=g) * m.unsqueeze(2) for dim, m in zip(dims, self.masks)]
        self.y = (torch.rand(batch, steps, 1, generator=g) < 0.3).float()
        self.y_mask = torch.ones(batch, steps, 1)
        pos = float(self.y.sum())
        self.positive_weight = (self.y.numel() - pos) / pos if 0 < pos < self.y.numel() else 1.0
        self.parameters = sum(p.numel() for p in self.model.parameters() if p.requires_grad)
        self.parameter_arrays = sum(1 for p in self.model.parameters() if p.requires_grad)

    def step(self):
        c0 = time.thread_time_ns()
        t0 = time.perf_counter_ns()
        logits, _ = self.model(self.xs, self.masks)
        loss = binary_cross_entropy(logits, self.y, self.y_mask, self.positive_weight) * torch.tensor(1.0)
        t1 = time.perf_counter_ns()
        loss.backward()
        value = loss.item()
        t2 = time.perf_counter_ns()
        self.optimizer.step()
        self.optimizer.zero_grad()  # the installed version's default (1.13: zeroes, as mer4j's optimiser does)
        t3 = time.perf_counter_ns()
        return value, t1 - t0, t2 - t1, t3 - t2, time.thread_time_ns() - c0


def run(bench, name, n):
    done = [bench.step() for _ in range(n)]
    ms = lambda k: [round(s[k] / 1e6, 4) for s in done]
    total = [round((s[1] + s[2] + s[3]) / 1e6, 4) for s in done]
    return {"model": name, "loss_last": round(done[-1][0], 6), "ms": total, "cpu_ms": ms(4), "forward_ms": ms(1),
            "backward_ms": ms(2), "update_ms": ms(3)}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--models", default="cross-attention,mult")
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--steps-per-clip", type=int, default=20)
    p.add_argument("--dmodel", type=int, default=64)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--steps", type=int, default=-1)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(a.threads)
    names = a.models.split(",")
    benches = {n: Bench(n, a.batch, a.steps_per_clip, a.dmodel) for n in names}
    for b in benches.values():
        for _ in range(a.warmup):
            b.step()
    blas = [line.strip() for line in torch.__config__.show().splitlines() if "BLAS_INFO" in line]
    ready = {"side": "pytorch", "batch": a.batch, "steps_per_clip": a.steps_per_clip, "d_model": a.dmodel, "warmup": a.warmup,
             "dims": DIMS, "parameters": {n: b.parameters for n, b in benches.items()},
             "parameter_arrays": {n: b.parameter_arrays for n, b in benches.items()},
             "torch": torch.__version__, "python": platform.python_version(),
             "num_threads": torch.get_num_threads(), "num_interop_threads": torch.get_num_interop_threads(),
             "blas_info": blas[0].split("BLAS_INFO=")[1].split(",")[0] if blas else None}
    print("@@ready " + json.dumps(ready), flush=True)
    if a.steps > 0:
        for n in names:
            print("@@run " + json.dumps(run(benches[n], n, a.steps)), flush=True)
        return
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "quit":
            break
        if cmd[0] == "run" and len(cmd) == 3 and cmd[1] in benches:
            print("@@run " + json.dumps(run(benches[cmd[1]], cmd[1], int(cmd[2]))), flush=True)
        elif cmd[0] == "profile" and len(cmd) == 4 and cmd[1] in benches:
            with torch.autograd.profiler.profile(record_shapes=True) as prof:
                res = run(benches[cmd[1]], cmd[1], int(cmd[2]))
            prof.export_chrome_trace(cmd[3])
            print("@@run " + json.dumps(res), flush=True)
        else:
            print("@@error " + json.dumps({"message": f"unknown command '{line.strip()}'; use 'run MODEL N', 'profile MODEL N FILE' or 'quit'"}), flush=True)


if __name__ == "__main__":
    main()
