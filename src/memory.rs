//! Giving freed memory back to the system.

/// Hand the allocator's free pages back to the system. glibc keeps what a process frees for its
/// next allocations, and after the dashboard's start-up work (the reports' packed words, freed
/// once the word index is built from them; screen 5's fingerprints, freed once the review is
/// done) nothing asks for that much again: kept, it is what a later peak stands on.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointers; it walks the allocator's own free lists under the
    // allocator's locks, as any allocation does.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Let the allocator keep twice as many arenas as there are cores, not eight times as many: the
/// load, the word index, the review and the store's writer each run on threads of their own, and
/// each new thread's arena held its own free memory apart from the others'. (As many as the
/// cores took the dashboard on 10,000 reports to 589 MB but slowed its first frame by a tenth,
/// its loading threads waiting for each other's arena; twice as many: 599 MB, no slower.)
pub fn share_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes no pointers and is called before any thread is started.
    unsafe {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        libc::mallopt(libc::M_ARENA_MAX, i32::try_from(2 * cores).unwrap_or(4));
    }
}
