//! Splitting CPU-bound work over the machine's cores.

/// Cuts `items` into one consecutive run per core (at most 8) and applies
/// `work(first_index, run)` to each on its own thread, returning the
/// results in order. In the browser, which has no threads, and on one
/// core, it is a plain call on the whole slice.
pub fn on_all_cores<T, R>(items: &[T], work: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let cores = if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8)
    };
    if cores == 1 || items.len() < 2 {
        return vec![work(0, items)];
    }
    let chunk = items.len().div_ceil(cores);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(i, run)| scope.spawn(move || work(i * chunk, run)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::on_all_cores;

    #[test]
    fn results_come_back_in_order_with_their_offsets() {
        let items: Vec<u32> = (0..1000).collect();
        let parts = on_all_cores(&items, |first, run| (first, run.iter().sum::<u32>()));
        assert_eq!(parts[0].0, 0);
        let total: u32 = parts.iter().map(|p| p.1).sum();
        assert_eq!(total, items.iter().sum::<u32>());
        assert!(parts.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(on_all_cores(&[] as &[u32], |_, run| run.len()), [0]);
    }
}
