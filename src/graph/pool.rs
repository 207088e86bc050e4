//! Where the graph's parallel steps run.
//!
//! A real-time change resolves a neighbourhood of a few records: handing each
//! of its parallel steps to rayon's global pool (a wake-up and a wait on
//! another thread) would cost more than the step. So a change runs on a pool
//! whose only worker is the calling thread ([`on_this_thread`]). Rayon can
//! make a thread a worker of a pool but never release it, so from then on
//! every parallel iterator that thread starts runs on it alone, including a
//! later rebuild of the whole graph or a large batch. Work that size goes
//! through [`on_all_cores`], which sends it to a pool as wide as the global
//! one when the calling thread is held by its single-worker pool.

use std::cell::Cell;
use std::sync::OnceLock;

use rayon::ThreadPool;

thread_local! {
    /// This thread's single-worker pool (`None` where the thread already
    /// works for another pool, whose workers then run the steps).
    static HERE: Option<ThreadPool> = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .ok();
    /// Whether `HERE` made this thread its worker.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// Records changed together from which their work is worth sharing out to
/// all cores (below it, handing the work over costs more than it saves).
pub(crate) const LARGE_WORK: usize = 64;

/// The size of rayon's global pool, read before any thread is held (a held
/// thread sees its own pool's size, 1).
static GLOBAL_THREADS: OnceLock<usize> = OnceLock::new();

/// The pool that large work of a held thread goes to.
static WIDE: OnceLock<Option<ThreadPool>> = OnceLock::new();

/// Runs `f` with rayon's parallel iterators working on the calling thread
/// (directly when the thread already works for another pool).
pub(crate) fn on_this_thread<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if !HELD.get() && rayon::current_thread_index().is_none() {
        // A thread outside any pool sees the global pool's size.
        GLOBAL_THREADS.get_or_init(rayon::current_num_threads);
    }
    HERE.with(|pool| match pool {
        Some(pool) => {
            HELD.set(true);
            pool.install(f)
        }
        None => f(),
    })
}

/// Runs `f` with its parallel iterators on all cores: directly, unless this
/// thread is held by its single-worker pool, in which case on a pool as wide
/// as the global one (built at the first need).
pub(crate) fn on_all_cores<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if !held() {
        return f();
    }
    let wide = WIDE.get_or_init(|| {
        let threads = GLOBAL_THREADS.get().copied().unwrap_or(0);
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("idgraph-{i}"))
            .build()
            .ok()
    });
    match wide {
        Some(pool) if pool.current_num_threads() > 1 => pool.install(f),
        _ => f(),
    }
}

/// The work of `records` changed together: on all cores (see
/// [`on_all_cores`]) when there are enough of them to pay for the handover,
/// else where the caller is.
pub(crate) fn for_records<R: Send>(records: usize, f: impl FnOnce() -> R + Send) -> R {
    if records >= LARGE_WORK {
        on_all_cores(f)
    } else {
        f()
    }
}

/// Whether work started on this thread would run on this thread alone
/// because a real-time change made it the worker of its own pool.
pub(crate) fn held() -> bool {
    HELD.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_thread_still_sends_large_work_to_all_cores() {
        // On a fresh thread (the test harness's threads may be reused).
        let (before, inside, after) = std::thread::spawn(|| {
            let before = rayon::current_num_threads();
            let inside = on_this_thread(rayon::current_num_threads);
            let after = on_all_cores(rayon::current_num_threads);
            (before, inside, after)
        })
        .join()
        .unwrap_or_default();
        assert_eq!(inside, 1, "a change runs on its own thread");
        assert_eq!(after, before, "large work runs as wide as the global pool");
    }

    #[test]
    fn a_thread_never_held_runs_large_work_where_it_is() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let (inside, after) = pool.install(|| {
            (
                on_this_thread(rayon::current_num_threads),
                on_all_cores(rayon::current_num_threads),
            )
        });
        // A worker of the caller's own pool is never held: both steps run
        // on the caller's pool.
        assert_eq!((inside, after), (3, 3));
    }
}
