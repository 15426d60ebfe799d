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
