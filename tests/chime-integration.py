#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Records Backbreath's real chimes from a private PulseAudio null sink.

Runs chime-session (a real BbSession on the system clock with a real
BbChime playing through libcanberra) while parec records the null sink's
monitor, then checks the recording against the phase boundaries the
session reported:

  - one chime onset per phase change and one for the finish;
  - the right sound each time: the in-breath rises in pitch, the
    out-breath falls, a hold is one short steady note, the finish is a
    falling bell arpeggio;
  - every onset within 50 ms of its scheduled boundary;
  - a second, muted run is digital silence.

Timing. chime-session writes the boundaries in g_get_monotonic_time()
(CLOCK_MONOTONIC), the clock of time.monotonic() here. While parec runs
this script polls the size of its output file every 2 ms: an observation
(t, n) says that n samples had reached the file by time t, so sample n was
rendered by the null sink no later than t. The lower envelope of
t - n/48000, fitted over the run (in one-second bins, with a line to absorb
drift), maps every sample to CLOCK_MONOTONIC; that mapping is late by the
render-to-file delay. The sink renders ahead of its play-out clock by its
latency (parec asks the monitor for 10 ms, which brings the null sink down
to ~10 ms blocks, much like a real device), so a sample is heard at most
that configured sink latency after it is rendered. The latency reported is
therefore an upper bound on the delay from the scheduled boundary to the
moment the first audible sample (above -60 dBFS; the null sink is digital
silence otherwise) would leave a real device:

    onset (mapped) - boundary + configured sink latency.

The spacing of onsets against the spacing of boundaries (relative to the
first onset, free of any clock mapping) is checked too, as jitter.

Output is TAP. Usage:

  chime-integration.py [--chime-session PATH] [--sounds-dir DIR] [--benchmark]

PATH and DIR default to $BB_CHIME_SESSION and $BB_SOUNDS_DIR. --benchmark
runs a longer session (1 s in, 1 s out, 15 breaths) and prints the median
and maximum delay. Needs pulseaudio, pactl, parec and numpy.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None

RATE = 48000
THRESHOLD = 10 ** (-60 / 20)        # first audible sample: above -60 dBFS
SILENCE_GAP = int(0.030 * RATE)     # silence that separates two chimes
TOLERANCE_US = 50_000
POLL_S = 0.002

PATTERN = "1500/500/1500/0"
BREATHS = 3
BENCH_PATTERN = "1000/0/1000/0"
BENCH_BREATHS = 15


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def plan(self, n):
        print(f"1..{n}", flush=True)

    def ok(self, cond, desc, diag=()):
        self.n += 1
        if not cond:
            self.failed += 1
        print(f"{'ok' if cond else 'not ok'} {self.n} - {desc}", flush=True)
        for line in diag:
            print(f"# {line}", flush=True)
        return cond

    @staticmethod
    def diag(line):
        print(f"# {line}", flush=True)


def stop(proc):
    """Ends a child this script started, by its pid."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class PulseServer:
    """A private pulseaudio with one null sink, "cap", as default sink."""

    def __init__(self, tmp):
        self.tmp = tmp
        runtime = os.path.join(tmp, "run")
        os.makedirs(runtime, mode=0o700)
        os.makedirs(os.path.join(tmp, "home"))
        self.socket = os.path.join(runtime, "native")
        self.log = os.path.join(tmp, "pulseaudio.log")
        self.env = dict(os.environ)
        self.env.update({
            "XDG_RUNTIME_DIR": runtime,
            "HOME": os.path.join(tmp, "home"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "home", ".config"),
            "PULSE_SERVER": "unix:" + self.socket,
            # Only PulseAudio: libcanberra would otherwise try ALSA next.
            "CANBERRA_DRIVER": "pulse",
        })
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "PULSE_SINK", "PULSE_SOURCE"):
            self.env.pop(var, None)
        self.proc = None

    def start(self):
        # As root pulseaudio warns that it is not meant to run as root
        # unless --system, then runs fine as a per-user server in this
        # private XDG_RUNTIME_DIR. --daemonize=no keeps it our child, so it
        # is stopped by its pid. The native protocol takes anonymous
        # clients on an explicit socket: no cookie in a home directory.
        cmd = [
            "pulseaudio", "--daemonize=no", "--system=false", "-n",
            "--exit-idle-time=-1", "--use-pid-file=false",
            "--realtime=false", "--high-priority=false",
            "--log-target=stderr",
            "--load=module-null-sink sink_name=cap rate=48000",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
        ]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, env=self.env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            if self.pactl("info").returncode == 0:
                return self.pactl("set-default-sink", "cap").returncode == 0
            time.sleep(0.05)
        return False

    def pactl(self, *args):
        return subprocess.run(["pactl", *args], env=self.env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def sink_latency_us(self):
        """The null sink's configured latency: how far ahead of its
        play-out clock it renders."""
        out = self.pactl("list", "sinks").stdout.decode(errors="replace")
        for line in out.splitlines():
            line = line.strip()
            if line.startswith("Latency:") and "configured" in line:
                return int(line.split("configured")[1].split()[0])
        return None

    def log_tail(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read().splitlines()[-15:]
        except OSError:
            return []

    def stop(self):
        stop(self.proc)


def record_session(server, chime_session, sounds_dir, pattern, breaths, extra, tag):
    """Runs chime-session while parec records. Returns the samples, the
    events chime-session wrote, the file-size observations, its output and
    the sink's latency; raises RuntimeError when something did not run."""
    raw = os.path.join(server.tmp, f"{tag}.raw")
    events_path = os.path.join(server.tmp, f"{tag}.events")
    output_path = os.path.join(server.tmp, f"{tag}.log")
    observations = []
    sink_latency = None

    parec = subprocess.Popen(
        ["parec", "-d", "cap.monitor", "--format=s16le", f"--rate={RATE}",
         "--channels=1", "--latency-msec=10", raw],
        env=server.env, stdin=subprocess.DEVNULL)
    session = None

    def observe():
        try:
            size = os.stat(raw).st_size
        except FileNotFoundError:
            size = 0
        now = time.monotonic()
        if not observations or observations[-1][1] != size:
            observations.append((now, size))
        return size

    try:
        # The null sink renders up to 2 s ahead until a client asks for
        # less, so parec's first data can take that long: start the
        # session only once data flows in small blocks.
        deadline = time.monotonic() + 10
        first = None
        while time.monotonic() < deadline:
            size = observe()
            if size > 0 and first is None:
                first = time.monotonic()
            if first is not None and time.monotonic() - first > 0.3:
                break
            time.sleep(POLL_S)
        else:
            raise RuntimeError("parec recorded nothing")

        sink_latency = server.sink_latency_us()

        env = dict(server.env)
        env.setdefault("G_DEBUG", "fatal-criticals")
        with open(output_path, "wb") as log:
            session = subprocess.Popen(
                [chime_session, *extra, sounds_dir, pattern, str(breaths), events_path],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        while session.poll() is None:
            observe()
            time.sleep(POLL_S)
        tail = time.monotonic() + 0.3
        while time.monotonic() < tail:
            observe()
            time.sleep(POLL_S)
        with open(output_path, errors="replace") as log:
            output = log.read()
        if session.returncode != 0:
            raise RuntimeError(f"chime-session exited with {session.returncode}: {output}")
    finally:
        stop(session)
        stop(parec)

    samples = np.fromfile(raw, dtype="<i2").astype(np.float64) / 32768.0
    events = []
    with open(events_path) as f:
        for line in f:
            kind, name, breath, scheduled, entered, played, _real = line.split()
            events.append({
                "kind": kind,
                "name": name if kind == "phase" else "finish",
                "breath": int(breath),
                "scheduled": int(scheduled),
                "entered": int(entered),
                "played": int(played),
            })
    return samples, events, observations, output, sink_latency


def sample_clock(observations):
    """Maps a sample index to CLOCK_MONOTONIC µs: the lower envelope of
    t - n/RATE over one-second bins, with a least-squares line through it
    (drift between the sink's clock and ours shows as the slope)."""
    pts = [(t, t - n / 2 / RATE) for t, n in observations if n > 0]
    bins = {}
    for t, d in pts:
        b = int(t)
        if b not in bins or d < bins[b][1]:
            bins[b] = (t, d)
    env = sorted(bins.values())
    if len(env) >= 3:
        ts = np.array([e[0] for e in env])
        ds = np.array([e[1] for e in env])
        slope, intercept = np.polyfit(ts - ts[0], ds, 1)
        # Stay on the envelope: a line through minima can sit above some.
        intercept += min(0.0, float(np.min(ds - (intercept + slope * (ts - ts[0])))))
        t0 = ts[0]
    else:
        slope, intercept, t0 = 0.0, min(d for _, d in pts), 0.0

    def to_time(n):
        # t - n/RATE = intercept + slope*(t - t0), solved for t.
        t = (intercept + n / RATE - slope * t0) / (1 - slope)
        return t * 1e6

    return to_time, slope


def find_onsets(x):
    """First sample above THRESHOLD after at least SILENCE_GAP of silence,
    with the index where each chime's sound ends."""
    idx = np.flatnonzero(np.abs(x) > THRESHOLD)
    if len(idx) == 0:
        return []
    gaps = np.flatnonzero(np.diff(idx) > SILENCE_GAP)
    starts = np.concatenate(([idx[0]], idx[gaps + 1]))
    ends = np.concatenate((idx[gaps], [idx[-1]]))
    return list(zip(starts.tolist(), ends.tolist()))


def dominant(seg):
    if len(seg) < 256:
        return 0.0
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg)), 8 * len(seg)))
    freqs = np.fft.rfftfreq(8 * len(seg), 1 / RATE)
    band = (freqs > 150) & (freqs < 4000)
    return float(freqs[band][np.argmax(spec[band])])


def centroid(seg):
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    freqs = np.fft.rfftfreq(len(seg), 1 / RATE)
    return float((spec * freqs).sum() / max(spec.sum(), 1e-12))


def describe(x, start, end):
    """Pitch at the start and near the end of one chime, its length and
    spectral centroid."""
    ms = RATE // 1000
    early = x[start + 20 * ms:start + 150 * ms]
    late_from = min(start + 650 * ms, max(start + 150 * ms, end - 150 * ms))
    late = x[late_from:late_from + 130 * ms]
    return {
        "early": dominant(early),
        "late": dominant(late),
        "length": (end - start) / RATE,
        "centroid": centroid(x[start:end + 1]),
    }


def sound_ok(name, d):
    ratio = d["late"] / d["early"] if d["early"] else 0.0
    if name == "inhale":
        return ratio > 1.25, "rising"
    if name == "exhale":
        return 0 < ratio < 0.8, "falling"
    if name in ("hold-in", "hold-out"):
        return abs(ratio - 1) < 0.03 and d["length"] < 0.6, "steady and short"
    if name == "finish":
        return 0 < ratio < 0.8 and d["early"] > 700 and d["length"] > 0.9, "falling bell"
    return False, "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chime-session", default=os.environ.get("BB_CHIME_SESSION"))
    parser.add_argument("--sounds-dir", default=os.environ.get("BB_SOUNDS_DIR"))
    parser.add_argument("--benchmark", action="store_true")
    args = parser.parse_args()

    tap = Tap()
    missing = [t for t in ("pulseaudio", "pactl", "parec") if shutil.which(t) is None]
    if np is None:
        missing.append("numpy")
    if missing:
        # build-aux/check installs these; a run without them proves nothing.
        print(f"Bail out! missing {', '.join(missing)}")
        return 1
    if not args.chime_session or not args.sounds_dir:
        print("Bail out! set BB_CHIME_SESSION and BB_SOUNDS_DIR (or pass --chime-session, --sounds-dir)")
        return 1

    pattern, breaths = (BENCH_PATTERN, BENCH_BREATHS) if args.benchmark else (PATTERN, BREATHS)
    tap.plan(5 if args.benchmark else 8)

    tmp = tempfile.mkdtemp(prefix="bb-chime-integration-")
    server = PulseServer(tmp)
    try:
        started = server.start()
        if not tap.ok(started, "private pulseaudio with a null sink runs",
                      () if started else server.log_tail()):
            return 1

        try:
            x, events, observations, output, sink_latency = record_session(
                server, args.chime_session, args.sounds_dir, pattern, breaths, [], "chimes")
        except RuntimeError as e:
            tap.ok(False, "chime-session ran and was recorded", [str(e)] + server.log_tail())
            return 1

        n_phases = sum(1 for e in events if e["kind"] == "phase")
        expected_phases = breaths * sum(1 for p in pattern.split("/") if int(p) > 0)
        tap.ok(n_phases == expected_phases and events[-1]["kind"] == "finish",
               f"session reported {n_phases} phase changes and the finish",
               [f"expected {expected_phases}"] + output.splitlines())

        to_time, slope = sample_clock(observations)
        onsets = find_onsets(x)
        if sink_latency is None:
            tap.diag("sink latency unknown, taking the 10 ms parec asked for")
            sink_latency = 10_000
        tap.diag(f"recorded {len(x) / RATE:.2f} s, peak {np.max(np.abs(x)):.3f}, "
                 f"{len(onsets)} onsets; sink/monotonic drift {slope * 1e6:+.0f} ppm; "
                 f"sink latency {sink_latency / 1000:.1f} ms")
        tap.ok(len(onsets) == len(events), "one chime onset per phase change and the finish",
               [f"{len(onsets)} onsets for {len(events)} events"])

        # Pair each event with the first onset at or after its boundary
        # (less a little, for the clock mapping's error).
        # When each onset would be heard, at the latest.
        times = [to_time(s) + sink_latency for s, _ in onsets]
        pairs = []
        for e in events:
            later = [i for i, t in enumerate(times) if t >= e["scheduled"] - 5_000]
            pairs.append(later[0] if later else None)

        t0 = events[0]["scheduled"]
        rows, latencies, right = [], [], True
        first_onset = times[pairs[0]] if pairs[0] is not None else None
        jitter = []
        for e, i in zip(events, pairs):
            if i is None:
                rows.append(f"{e['name']:>8} {(e['scheduled'] - t0) / 1000:8.1f} ms  no onset")
                right = False
                continue
            start, end = onsets[i]
            d = describe(x, start, end)
            ok, what = sound_ok(e["name"], d)
            right &= ok
            latency = times[i] - e["scheduled"]
            latencies.append(latency)
            if first_onset is not None:
                jitter.append((times[i] - first_onset) - (e["scheduled"] - t0))
            rows.append(
                f"{e['name']:>8} at {(e['scheduled'] - t0) / 1000:8.1f} ms: onset +{latency / 1000:6.1f} ms "
                f"(handler +{(e['entered'] - e['scheduled']) / 1000:5.1f}, play call "
                f"{(e['played'] - e['entered']) / 1000:5.1f} ms), "
                f"{d['early']:4.0f} -> {d['late']:4.0f} Hz, {d['length']:.2f} s, "
                f"centroid {d['centroid']:4.0f} Hz: {what} {'yes' if ok else 'NO'}")

        if not args.benchmark:
            tap.ok(right and len(set(pairs)) == len(pairs), "the right sound for each phase", rows)
        else:
            for r in rows:
                tap.diag(r)

        worst = max(latencies) if latencies else float("inf")
        summary = (f"latency from boundary to first audible sample (upper bound): median "
                   f"{statistics.median(latencies) / 1000:.1f} ms, max {worst / 1000:.1f} ms, "
                   f"min {min(latencies) / 1000:.1f} ms over {len(latencies)} chimes"
                   if latencies else "no latency measured")
        tap.ok(len(latencies) == len(events) and worst <= TOLERANCE_US and min(latencies) >= -5_000,
               f"every onset within {TOLERANCE_US // 1000} ms of its boundary", [summary])

        spread = max(abs(j) for j in jitter) if jitter else float("inf")
        tap.ok(spread <= TOLERANCE_US,
               "onset spacing matches boundary spacing (relative to the first onset)",
               [f"largest deviation {spread / 1000:.1f} ms"])

        if args.benchmark:
            print(f"chime latency: median {statistics.median(latencies) / 1000:.1f} ms, "
                  f"max {worst / 1000:.1f} ms ({len(latencies)} chimes, pattern {pattern})")
            return 0 if tap.failed == 0 else 1

        inhale = [describe(x, *onsets[i])["centroid"] for e, i in zip(events, pairs)
                  if i is not None and e["name"] == "inhale"]
        exhale = [describe(x, *onsets[i])["centroid"] for e, i in zip(events, pairs)
                  if i is not None and e["name"] == "exhale"]
        tap.ok(inhale and exhale and min(inhale) > max(exhale),
               "in-breath chimes are brighter than out-breath chimes",
               [f"centroid inhale {statistics.mean(inhale) if inhale else 0:.0f} Hz, "
                f"exhale {statistics.mean(exhale) if exhale else 0:.0f} Hz"])

        try:
            xm, events_m, _, output_m, _ = record_session(
                server, args.chime_session, args.sounds_dir, pattern, breaths, ["--muted"], "muted")
        except RuntimeError as e:
            tap.ok(False, "muted session is silent", [str(e)])
            return 1
        rms = float(np.sqrt(np.mean(xm ** 2))) if len(xm) else 0.0
        peak = float(np.max(np.abs(xm))) if len(xm) else 0.0
        tap.ok(len(events_m) == len(events) and not find_onsets(xm) and rms < 1e-4,
               "muted session is silent",
               [f"{len(events_m)} events, {len(xm) / RATE:.2f} s recorded, "
                f"peak {peak:.6f}, RMS {rms:.6f}, {len(find_onsets(xm))} onsets"])
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    return 0 if tap.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
