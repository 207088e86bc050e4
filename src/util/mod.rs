//! Small private helpers.

pub(crate) mod timestamp;

/// A hasher with fixed keys: hash maps iterate in the same order on every run and
/// platform build, so nothing downstream can depend on a random seed.
pub(crate) type FixedState = ahash::RandomState;

pub(crate) fn fixed_state() -> FixedState {
    ahash::RandomState::with_seeds(0x1d67_7a9c, 0x5eed_0f1d, 0x9e37_79b9, 0x7f4a_7c15)
}

/// SplitMix64: a small generator whose sequence is the same on every
/// platform, for samples and probes that decide results.
pub(crate) fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a: a hash that is the same on every platform and build (unlike
/// ahash's), for samples that decide results.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, FixedState>;
pub(crate) type FxSet<K> = std::collections::HashSet<K, FixedState>;

pub(crate) fn map<K, V>() -> FxMap<K, V> {
    FxMap::with_hasher(fixed_state())
}

pub(crate) fn set<K>() -> FxSet<K> {
    FxSet::with_hasher(fixed_state())
}

/// A hasher for keys that already are hashes: passes a `u64` through.
#[derive(Debug, Default)]
pub(crate) struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in rather than drop it.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes the caller already computed.
pub(crate) type HashedMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PreHashed>>;

/// Phase timings on stderr when `IDGRAPH_DEBUG_TIMING` is set: a development aid
/// for profiling the pipeline, silent otherwise.
pub(crate) struct PhaseTimer {
    on: bool,
    last: std::time::Instant,
    last_cpu: f64,
}

/// CPU seconds this process has used (user and system, all threads), from
/// /proc (Linux); 0 where unavailable.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which may hold spaces): utime is
            // the 12th and stime the 13th of them, in clock ticks (100 a second).
            let rest = &s[s.rfind(')')? + 2..];
            let mut f = rest.split_whitespace().skip(11);
            let u: f64 = f.next()?.parse().ok()?;
            let k: f64 = f.next()?.parse().ok()?;
            Some((u + k) / 100.0)
        })
        .unwrap_or(0.0)
}

impl PhaseTimer {
    pub(crate) fn new() -> PhaseTimer {
        let on = std::env::var_os("IDGRAPH_DEBUG_TIMING").is_some();
        PhaseTimer {
            on,
            last: std::time::Instant::now(),
            last_cpu: if on { cpu_seconds() } else { 0.0 },
        }
    }
    pub(crate) fn lap(&mut self, phase: &str) {
        if self.on {
            let now = std::time::Instant::now();
            // Resident set size from /proc (Linux), in MiB; 0 where unavailable.
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .nth(1)
                        .and_then(|p| p.parse::<u64>().ok())
                })
                .map_or(0, |pages| pages * 4096 / (1 << 20));
            // Peak resident set so far, in MiB.
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmHWM:"))
                        .and_then(|l| l.split_whitespace().nth(1))
                        .and_then(|k| k.parse::<u64>().ok())
                })
                .map_or(0, |kb| kb / 1024);
            let cpu = cpu_seconds();
            eprintln!(
                "  {phase:<24} {:8.3} s  cpu {:6.2} s  rss {rss} MiB  peak {peak} MiB",
                (now - self.last).as_secs_f64(),
                cpu - self.last_cpu
            );
            self.last = now;
            self.last_cpu = cpu;
        }
    }
}
