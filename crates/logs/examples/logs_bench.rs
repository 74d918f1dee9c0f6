//! Measures the log engine on this machine, with a baseline from the same run:
//! appends of small lines in batches of 1,000 and 10,000 (one fsync per
//! batch) against raw `write` + `fsync` of the same frames to one file,
//! concurrent appends to several streams, FilterLogEvents scan speed, and
//! GetLogEvents latency.
//!
//! `cargo run -p berth-logs --release --example logs_bench -- [events]`
//! (default 2,000,000 events per append run).

use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use berth_logs::{FilterEvents, GetEvents, LogStore, NewEvent, Options};

const STREAMS: usize = 4;

fn per_second(n: usize, elapsed: Duration) -> f64 {
    n as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index.min(samples.len() - 1)]
}

/// A small container log line, ~70 bytes: short enough that 10,000 of them
/// fit PutLogEvents' 1 MiB batch limit (which counts 26 bytes per event).
fn line(i: usize) -> String {
    format!(
        "12:00:00.{:06} INFO GET /api/items/{} status=200 took={}ms req={i:06x}",
        i % 1_000_000,
        i % 99_991,
        i % 97
    )
}

/// One batch of `lines`, stamped a second before the engine's clock, which
/// then moves on a millisecond.
fn batch_at<'a>(lines: &'a [String], now: &AtomicI64) -> Vec<NewEvent<'a>> {
    let ts = now.fetch_add(1, Ordering::Relaxed) - 1_000;
    lines
        .iter()
        .map(|m| NewEvent {
            timestamp: ts,
            message: m,
            position: None,
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let events: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 2_000_000,
    };
    let dir = tempfile::tempdir()?;
    let lines: Vec<String> = (0..10_000).map(line).collect();
    let line_bytes: usize = lines.iter().map(String::len).sum::<usize>() / lines.len();
    // The engine's clock advances a millisecond per batch so timestamps and
    // ingestion times look like a live stream's.
    let now = Arc::new(AtomicI64::new(berth_logs::system_now_ms()));
    let clock_now = Arc::clone(&now);
    let options = Options {
        clock: Arc::new(move || clock_now.load(Ordering::Relaxed)),
        ..Options::default()
    };
    let store = LogStore::open_with(&dir.path().join("logs"), options)?;
    store.create_group("bench", Default::default())?;
    println!(
        "events per run: {events}, ~{line_bytes} bytes per line, data in {}",
        dir.path().display()
    );

    // The disk's fsync time drifts with other load on the machine, so the
    // engine and the baseline take turns, a slice of the events each.
    const ROUNDS: usize = 20;
    for batch_size in [1_000, 10_000] {
        let batches = events / batch_size / ROUNDS;
        let frame_bytes = batch_size * (line_bytes + 2) + 64;
        let buffer = vec![b'x'; frame_bytes];
        let mut raw = File::create(dir.path().join(format!("raw-{batch_size}")))?;
        let stream = format!("single-{batch_size}");
        store.create_stream("bench", &stream)?;
        let (mut raw_time, mut engine_time) = (Duration::ZERO, Duration::ZERO);
        let mut latencies = Vec::with_capacity(batches * ROUNDS);
        for _ in 0..ROUNDS {
            // Baseline: the same bytes per batch, written and fsynced.
            let start = Instant::now();
            for _ in 0..batches {
                raw.write_all(&buffer)?;
                raw.sync_data()?;
            }
            raw_time += start.elapsed();

            let start = Instant::now();
            for _ in 0..batches {
                let batch = batch_at(&lines[..batch_size], &now);
                let t = Instant::now();
                let outcome = store.append("bench", &stream, &batch)?;
                latencies.push(t.elapsed());
                assert_eq!(outcome.stored, batch_size);
            }
            engine_time += start.elapsed();
        }
        let n = batches * ROUNDS * batch_size;
        let (rate, raw_rate) = (per_second(n, engine_time), per_second(n, raw_time));
        println!(
            "append, batches of {batch_size:>6}: {rate:>10.0} events/s ({:.0} MB/s of messages) | raw write+fsync of the same bytes: {raw_rate:>10.0} events/s | ratio {:.2} | append latency p50 {:?} p99 {:?}",
            rate * line_bytes as f64 / 1e6,
            rate / raw_rate,
            percentile(&mut latencies, 0.5),
            percentile(&mut latencies, 0.99),
        );
    }

    // Several streams at once (one writer thread each), batches of 1,000.
    let per_stream = events / STREAMS / 1_000;
    let start = Instant::now();
    let writers: Vec<_> = (0..STREAMS)
        .map(|w| {
            let store = store.clone();
            let lines = lines.clone();
            let now = Arc::clone(&now);
            thread::spawn(move || -> Result<(), berth_logs::LogError> {
                let stream = format!("parallel-{w}");
                store.create_stream("bench", &stream)?;
                for _ in 0..per_stream {
                    store.append("bench", &stream, &batch_at(&lines[..1_000], &now))?;
                }
                Ok(())
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer thread")?;
    }
    println!(
        "append, {STREAMS} streams in parallel, batches of 1,000: {:>12.0} events/s",
        per_second(STREAMS * per_stream * 1_000, start.elapsed())
    );

    // FilterLogEvents over the whole group with a pattern that matches
    // nothing: every event is read and tested.
    let total: usize = [1_000, 10_000]
        .iter()
        .map(|batch| events / batch / ROUNDS * ROUNDS * batch)
        .sum::<usize>()
        + STREAMS * per_stream * 1_000;
    for (label, pattern) in [("no match", "needle-that-is-absent"), ("every event", "")] {
        let start = Instant::now();
        let mut token: Option<String> = None;
        let mut returned = 0;
        let mut calls = 0;
        loop {
            let page = store.filter_events(
                "bench",
                &FilterEvents {
                    pattern,
                    next_token: token.as_deref(),
                    ..Default::default()
                },
            )?;
            calls += 1;
            returned += page.events.len();
            match page.next_token {
                Some(next) => token = Some(next),
                None => break,
            }
        }
        let elapsed = start.elapsed();
        println!(
            "filter, pattern matching {label}: {:>12.0} events scanned/s ({total} events, {returned} returned, {calls} calls, {elapsed:?})",
            per_second(total, elapsed)
        );
    }

    // FilterLogEvents over a narrow time window: the block index skips the
    // rest of the group.
    let group_first = store
        .stream("bench", "single-1000")?
        .first_event_timestamp
        .unwrap_or(0);
    let group_last = store
        .stream("bench", &format!("parallel-{}", STREAMS - 1))?
        .last_event_timestamp
        .unwrap_or(0);
    let mut window = Vec::new();
    let mut seed = 7u64;
    let mut found = 0;
    for _ in 0..200 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let at = group_first + ((seed >> 33) as i64) % (group_last - group_first + 1).max(1);
        let t = Instant::now();
        let page = store.filter_events(
            "bench",
            &FilterEvents {
                start_time: Some(at),
                end_time: Some(at + 10),
                limit: Some(100),
                ..Default::default()
            },
        )?;
        window.push(t.elapsed());
        found += page.events.len();
    }
    println!(
        "filter, first 100 events of a 10 ms window of the whole group: p50 {:?} p99 {:?} ({} events per query on average)",
        percentile(&mut window, 0.5),
        percentile(&mut window, 0.99),
        found / 200
    );

    // GetLogEvents latency: the newest 100, and 100 from a random time.
    let info = store.stream("bench", "single-1000")?;
    let (first, last) = (
        info.first_event_timestamp.unwrap_or(0),
        info.last_event_timestamp.unwrap_or(0),
    );
    let mut tail = Vec::new();
    let mut seek = Vec::new();
    let mut seed = 12345u64;
    for _ in 0..1_000 {
        let t = Instant::now();
        let page = store.get_events(
            "bench",
            "single-1000",
            &GetEvents {
                limit: Some(100),
                ..Default::default()
            },
        )?;
        tail.push(t.elapsed());
        assert_eq!(page.events.len(), 100);

        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let at = first + ((seed >> 33) as i64) % (last - first + 1).max(1);
        let t = Instant::now();
        store.get_events(
            "bench",
            "single-1000",
            &GetEvents {
                start_time: Some(at),
                start_from_head: true,
                limit: Some(100),
                ..Default::default()
            },
        )?;
        seek.push(t.elapsed());
    }
    println!(
        "get_events, newest 100: p50 {:?} p99 {:?}; 100 from a random time: p50 {:?} p99 {:?}",
        percentile(&mut tail, 0.5),
        percentile(&mut tail, 0.99),
        percentile(&mut seek, 0.5),
        percentile(&mut seek, 0.99),
    );
    Ok(())
}
