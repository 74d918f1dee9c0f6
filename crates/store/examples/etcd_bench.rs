//! Txn throughput and latency of the etcd backend against SQLite, in one run
//! on the same disk: one etcd member (Debian's `etcd`, fsync on, started in
//! a temporary directory) and an SQLite file (WAL, `synchronous=FULL`).
//!
//! For each backend: sequential puts (one durable commit each), 64
//! concurrent writers (SQLite group-commits; etcd batches raft proposals),
//! compare-and-swap txns under contention, and one range of every key.
//!
//! `cargo run -p berth-store --example etcd_bench [--release] -- [writes]`

use std::sync::Arc;
use std::time::{Duration, Instant};

use berth_store::testing::etcd::{etcd_binary, EtcdCluster};
use berth_store::{DynStore, EtcdStore, SqliteStore, Store, StoreError, StoreExt};

const WRITERS: usize = 64;

struct Figures {
    sequential: f64,
    sequential_p50: Duration,
    sequential_p99: Duration,
    concurrent: f64,
    concurrent_p50: Duration,
    concurrent_p99: Duration,
    cas: f64,
    range: Duration,
}

fn per_second(n: usize, elapsed: Duration) -> f64 {
    n as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

async fn measure(store: DynStore, writes: usize) -> Result<Figures, StoreError> {
    let value = vec![b'x'; 256];

    let mut latencies = Vec::with_capacity(writes);
    let start = Instant::now();
    for i in 0..writes {
        let t = Instant::now();
        store.put(&format!("seq/{i:06}"), value.clone()).await?;
        latencies.push(t.elapsed());
    }
    let sequential = per_second(writes, start.elapsed());
    latencies.sort();
    let (sequential_p50, sequential_p99) =
        (percentile(&latencies, 0.5), percentile(&latencies, 0.99));

    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let store = Arc::clone(&store);
        let value = value.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            for i in (w..writes).step_by(WRITERS) {
                let t = Instant::now();
                store.put(&format!("par/{i:06}"), value.clone()).await?;
                latencies.push(t.elapsed());
            }
            Ok::<_, StoreError>(latencies)
        }));
    }
    let mut latencies = Vec::with_capacity(writes);
    for task in tasks {
        latencies.extend(
            task.await
                .map_err(|e| StoreError::Backend(e.to_string()))??,
        );
    }
    let concurrent = per_second(writes, start.elapsed());
    latencies.sort();
    let (concurrent_p50, concurrent_p99) =
        (percentile(&latencies, 0.5), percentile(&latencies, 0.99));

    // Compare-and-swap increments of 8 counters by 64 tasks: conflicts retry.
    let increments = writes / 4;
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let key = format!("cas/{}", w % 8);
            for _ in (w..increments).step_by(WRITERS) {
                loop {
                    let (n, rev) = match store.get(&key).await? {
                        Some(kv) => (kv.value.len(), kv.mod_revision),
                        None => (0, 0),
                    };
                    if store.put_if(&key, vec![0; n + 1], rev).await?.is_some() {
                        break;
                    }
                }
            }
            Ok::<_, StoreError>(())
        }));
    }
    for task in tasks {
        task.await
            .map_err(|e| StoreError::Backend(e.to_string()))??;
    }
    let cas = per_second(increments, start.elapsed());

    let start = Instant::now();
    let (kvs, _) = store.range("").await?;
    let range = start.elapsed();
    assert!(kvs.len() >= 2 * writes);
    Ok(Figures {
        sequential,
        sequential_p50,
        sequential_p99,
        concurrent,
        concurrent_p50,
        concurrent_p99,
        cas,
        range,
    })
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let writes: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 2_000,
    };
    let binary = etcd_binary().ok_or("etcd is not installed (Debian's etcd-server)")?;

    let dir = tempfile::tempdir()?;
    let sqlite: DynStore = Arc::new(SqliteStore::open(&dir.path().join("bench.db"))?);
    let sqlite = measure(sqlite, writes).await?;

    let cluster = EtcdCluster::start(&binary, 1).await?;
    let etcd: DynStore = Arc::new(EtcdStore::connect(cluster.config("/bench")).await?);
    let etcd = measure(etcd, writes).await?;

    println!("{writes} writes of 256 bytes per pass; etcd: one member, fsync on, same disk");
    println!(
        "{:<34} {:>14} {:>14} {:>9}",
        "", "SQLite", "etcd", "etcd/SQL"
    );
    let row = |name: &str, s: f64, e: f64, unit: &str| {
        println!(
            "{name:<34} {:>10.0} {unit:<3} {:>10.0} {unit:<3} {:>8.2}x",
            s,
            e,
            e / s
        )
    };
    row("sequential puts", sqlite.sequential, etcd.sequential, "/s");
    println!(
        "{:<34} {:>14} {:>14}",
        "  latency p50 / p99",
        format!(
            "{} / {}",
            ms(sqlite.sequential_p50),
            ms(sqlite.sequential_p99)
        ),
        format!("{} / {}", ms(etcd.sequential_p50), ms(etcd.sequential_p99))
    );
    row(
        &format!("{WRITERS} concurrent writers"),
        sqlite.concurrent,
        etcd.concurrent,
        "/s",
    );
    println!(
        "{:<34} {:>14} {:>14}",
        "  latency p50 / p99",
        format!(
            "{} / {}",
            ms(sqlite.concurrent_p50),
            ms(sqlite.concurrent_p99)
        ),
        format!("{} / {}", ms(etcd.concurrent_p50), ms(etcd.concurrent_p99))
    );
    row("CAS increments, 8 hot keys", sqlite.cas, etcd.cas, "/s");
    println!(
        "{:<34} {:>14} {:>14}",
        format!("range of all {} keys", 2 * writes + 8),
        ms(sqlite.range),
        ms(etcd.range)
    );
    Ok(())
}
