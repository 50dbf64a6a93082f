#!/usr/bin/env bash
# Training-step speed: one full training step (forward, loss, backward, Adam update) of mer4j's
# `cross-attention` and `mult` fusion models with the A/H step head (org.mer4j.train.bench.TrainStepBench,
# the training loop's own step code) against the same architectures in PyTorch
# (tools/bench/train_step_torch.py on Debian's python3-torch), same shapes (batch 8, 20 steps,
# dModel 64, video 40 / audio 16 / text 38 features), one intra-op and one inter-op thread each,
# in the same run on the same machine. Both run as long-lived processes and are driven in
# interleaved chunks (CHUNK steps of mer4j, then of PyTorch, the order swapping every round) until
# each model has STEPS timed steps on each side; warm-up steps come first and are not timed.
#
#   tools/bench/train-step.sh              writes runs/bench/train-step.json and prints a table
#
# Env: STEPS (timed steps per model and side, default 400, at least 200), CHUNK (default 50),
# WARMUP (default 100), MODELS (default cross-attention,mult), OUT (default runs/bench/train-step.json),
# MKL_CBWR (default COMPATIBLE, the launcher's reproducibility setting; mer4j's libtorch does its
# matrix products in MKL, and COMPATIBLE keeps MKL on its slowest code path: MKL_CBWR=AVX2 shows the
# difference, with other results in the last bits).
# Keys per model: mer4j_ms and pytorch_ms (medians of the per-step times), ratio = mer4j_ms /
# pytorch_ms (goal <= 1.1), the same for the CPU time of the stepping thread (cpu_ratio; other processes
# inflate it less than the wall-clock time), p10/p90, medians of the phases (forward+loss, backward, update),
# parameter counts of both sides (they must be equal); plus threads, versions, BLAS, machine, the
# load average before, during and after, and the date. The other processes on the machine share
# its cores: compare ratios from runs at a low load average.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps="${STEPS:-400}"
chunk="${CHUNK:-50}"
warmup="${WARMUP:-100}"
models="${MODELS:-cross-attention,mult}"
out="${OUT:-$repo/runs/bench/train-step.json}"
[ "$steps" -ge 200 ] || { echo "train-step: STEPS must be at least 200 (the median of at least 200 steps), got $steps" >&2; exit 2; }
mkdir -p "$repo/runs/bench" "$(dirname "$out")"
log="${out%.json}.log"

# PyTorch reference: Debian's python3-torch under Debian's own python3 (not a pyenv/venv python)
py=/usr/bin/python3
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! "$py" -c 'import torch' 2>/dev/null; then
  echo "train-step: installing Debian python3-torch (the PyTorch reference; apt, never pip)..." >&2
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
fi
# libtorch reaches BLAS through libblas.so.3; Debian's reference (netlib) BLAS makes PyTorch's matrix
# products ~6x slower than OpenBLAS, which is the first of libtorch's recommended providers
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"
case "$blas" in
  *openblas* | *blis* | *mkl* | *atlas*) ;;
  *)
    echo "train-step: libblas.so.3 is $blas (reference BLAS); installing Debian libopenblas0-openmp for the PyTorch reference..." >&2
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas0-openmp >&2
    blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
    ;;
esac

# one thread each; idle OpenMP threads sleep on both sides (the launcher's default, see DESIGN.md)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" MKL_CBWR="${MKL_CBWR:-COMPATIBLE}"
export MER4J_TORCH_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
# the launcher builds the CLI first when its sources changed (messages in $log)
: > "$log"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$([ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ] && echo true || echo false)"
echo "train-step: $models, $steps timed steps per model and side in chunks of $chunk after $warmup warm-up steps (load: $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
"$py" - "$repo" "$out" "$log" "$models" "$steps" "$chunk" "$warmup" "$py" "$blas" "$commit" "$dirty" <<'PY'
import datetime, json, os, platform, statistics, subprocess, sys

repo, out, log, models, steps, chunk, warmup, py, blas, commit, dirty = sys.argv[1:]
models, steps, chunk, warmup = models.split(","), int(steps), int(chunk), int(warmup)
errlog = open(log, "a")
common = ["--models", ",".join(models), "--warmup", str(warmup)]
sides = {
    "mer4j": subprocess.Popen([os.path.join(repo, "tools/mer4j"), "--class", "org.mer4j.train.bench.TrainStepBench"] + common,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errlog, text=True, bufsize=1),
    "pytorch": subprocess.Popen([py, os.path.join(repo, "tools/bench/train_step_torch.py")] + common,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errlog, text=True, bufsize=1),
}


def answer(side, tag):
    for line in sides[side].stdout:
        if line.startswith("@@error"):
            raise SystemExit(f"train-step: {side}: {line.strip()}")
        if line.startswith(tag + " "):
            return json.loads(line[len(tag) + 1:])
    raise SystemExit(f"train-step: the {side} bench ended early; see {log}")


def load():
    return [float(x) for x in open("/proc/loadavg").read().split()[:3]]


load_before = load()
ready = {side: answer(side, "@@ready") for side in sides}  # both warm up at the same time, untimed
for name in models:
    a, b = ready["mer4j"]["parameters"][name], ready["pytorch"]["parameters"][name]
    if a != b:
        raise SystemExit(f"train-step: {name} has {a} parameters in mer4j but {b} in PyTorch; the architectures differ")
times = {side: {m: {} for m in models} for side in sides}
load_during = []
rounds = (steps + chunk - 1) // chunk
for r in range(rounds):
    n = min(chunk, steps - r * chunk)
    for name in models:
        for side in (["mer4j", "pytorch"] if r % 2 == 0 else ["pytorch", "mer4j"]):
            sides[side].stdin.write(f"run {name} {n}\n")
            sides[side].stdin.flush()
            res = answer(side, "@@run")
            for k, v in res.items():
                if k.endswith("_ms") or k == "ms":
                    times[side][name].setdefault(k, []).extend(v)
            load_during.append(load()[0])
for p in sides.values():
    p.stdin.write("quit\n")
    p.stdin.flush()
    p.wait(timeout=60)


def q(values, f):
    s = sorted(values)
    return round(s[min(len(s) - 1, int(f * len(s)))], 3)


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


res = {"goal_ratio": 1.1, "models": {}}
for name in models:
    m, t = times["mer4j"][name], times["pytorch"][name]
    entry = {
        "mer4j_ms": round(statistics.median(m["ms"]), 3),
        "pytorch_ms": round(statistics.median(t["ms"]), 3),
        "ratio": round(statistics.median(m["ms"]) / statistics.median(t["ms"]), 4),
        "mer4j_cpu_ms": round(statistics.median(m["cpu_ms"]), 3),
        "pytorch_cpu_ms": round(statistics.median(t["cpu_ms"]), 3),
        "cpu_ratio": round(statistics.median(m["cpu_ms"]) / statistics.median(t["cpu_ms"]), 4),
        "mer4j_p10_p90_ms": [q(m["ms"], 0.1), q(m["ms"], 0.9)],
        "pytorch_p10_p90_ms": [q(t["ms"], 0.1), q(t["ms"], 0.9)],
        "timed_steps": {"mer4j": len(m["ms"]), "pytorch": len(t["ms"])},
        "parameters": {"mer4j": ready["mer4j"]["parameters"][name], "pytorch": ready["pytorch"]["parameters"][name]},
        "parameter_arrays": {"mer4j": ready["mer4j"]["parameter_arrays"][name], "pytorch": ready["pytorch"]["parameter_arrays"][name]},
        "mer4j_phases_ms": {k[:-3]: round(statistics.median(v), 3) for k, v in m.items() if k not in ("ms", "cpu_ms")},
        "pytorch_phases_ms": {k[:-3]: round(statistics.median(v), 3) for k, v in t.items() if k not in ("ms", "cpu_ms")},
    }
    entry["meets_goal"] = entry["ratio"] <= res["goal_ratio"]
    res["models"][name] = entry
mr, pr = ready["mer4j"], ready["pytorch"]
res["shapes"] = {"batch": mr["batch"], "steps_per_clip": mr["steps_per_clip"], "d_model": mr["d_model"], "dims": mr["dims"]}
res["protocol"] = {"warmup_steps": warmup, "timed_steps": steps, "chunk": chunk, "interleaved": True,
                   "step": "forward + loss + backward + Adam(lr 1e-3, L2 1e-4) update, dropout 0.3, training mode"}
res["threads"] = {"mer4j": {"num_threads": mr["num_threads"], "num_interop_threads": mr["num_interop_threads"]},
                  "pytorch": {"num_threads": pr["num_threads"], "num_interop_threads": pr["num_interop_threads"]},
                  "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY"), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"),
                  "MKL_CBWR": os.environ.get("MKL_CBWR")}
res["versions"] = {"mer4j_commit": commit, "mer4j_dirty": dirty == "true", "djl": mr["djl"], "mer4j_engine": mr["engine"],
                   "java": mr["java"], "torch": pr["torch"], "python": pr["python"], "pytorch_blas": blas}
res["machine"] = {"nproc": os.cpu_count(), "cpu_model": cpu_model(), "kernel": platform.release()}
res["load_average"] = {"before": load_before, "during_1min_min": min(load_during), "during_1min_max": max(load_during),
                       "after": load()}
res["measured_at"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
tmp = f"{out}.tmp.{os.getpid()}"
with open(tmp, "w") as f:
    json.dump(res, f, indent=2)
    f.write("\n")
os.replace(tmp, out)
print(f"{'model':<16} {'mer4j ms':>9} {'PyTorch ms':>11} {'ratio':>7} {'cpu ratio':>9}  {'params':>8}  phases mer4j / PyTorch (fwd, bwd, update ms)")
for name, e in res["models"].items():
    mp, tp = e["mer4j_phases_ms"], e["pytorch_phases_ms"]
    ph = (f"{mp['batch'] + mp['forward']:.2f}, {mp['backward']:.2f}, {mp['update'] + mp['close']:.2f} / "
          f"{tp['forward']:.2f}, {tp['backward']:.2f}, {tp['update']:.2f}")
    print(f"{name:<16} {e['mer4j_ms']:>9.2f} {e['pytorch_ms']:>11.2f} {e['ratio']:>7.3f} {e['cpu_ratio']:>9.3f}  {e['parameters']['mer4j']:>8}  {ph}")
la = res["load_average"]
print(f"load average: before {la['before'][0]:.2f}, during {la['during_1min_min']:.2f}-{la['during_1min_max']:.2f}, "
      f"after {la['after'][0]:.2f} on {res['machine']['nproc']} CPUs; goal ratio <= {res['goal_ratio']}; wrote {out}")
PY
