//! Measures the SQLite store: sequential txns (one fsync each) against 64
//! concurrent writers (group commit), plus read throughput, in one run so the
//! ratio is meaningful on any disk.
//!
//! `cargo run -p berth-store --example store_bench [--release] -- [writes]`

use std::sync::Arc;
use std::time::{Duration, Instant};

use berth_store::{SqliteStore, Store, StoreError, StoreExt};

const WRITERS: usize = 64;

fn per_second(n: usize, elapsed: Duration) -> f64 {
    n as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let writes: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 5_000,
    };
    let dir = tempfile::tempdir()?;
    let store = Arc::new(SqliteStore::open(&dir.path().join("bench.db"))?);
    let value = vec![b'x'; 256];

    let start = Instant::now();
    for i in 0..writes {
        store.put(&format!("seq/{i}"), value.clone()).await?;
    }
    let sequential = per_second(writes, start.elapsed());
    println!("sequential txns:        {sequential:>10.0} writes/s ({writes} writes)");

    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let store = Arc::clone(&store);
        let value = value.clone();
        tasks.push(tokio::spawn(async move {
            for i in (w..writes).step_by(WRITERS) {
                store.put(&format!("par/{i}"), value.clone()).await?;
            }
            Ok::<_, StoreError>(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    let concurrent = per_second(writes, start.elapsed());
    println!("{WRITERS} concurrent writers:   {concurrent:>10.0} writes/s ({writes} writes)");
    println!("group commit speedup:   {:>10.1}x", concurrent / sequential);

    let start = Instant::now();
    for i in 0..writes {
        store.get(&format!("seq/{i}")).await?;
    }
    println!(
        "sequential gets:        {:>10.0} reads/s",
        per_second(writes, start.elapsed())
    );
    let start = Instant::now();
    let (kvs, _) = store.range("par/").await?;
    println!(
        "range of {} keys:     {:>10.1} ms",
        kvs.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}
