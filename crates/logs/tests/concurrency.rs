//! Many writers on different streams and readers at the same time: readers
//! only ever see whole batches, and what they see of a stream is a prefix of
//! what was acknowledged.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use berth_logs::{FilterEvents, NewEvent};
use common::{TestStore, T0};

const WRITERS: usize = 4;
const BATCHES: usize = 40;
const PER_BATCH: usize = 25;

#[test]
fn readers_see_whole_acknowledged_batches_while_writers_append() {
    let ts = TestStore::new();
    for w in 0..WRITERS {
        ts.group_with_stream("g", &format!("w{w}"));
    }
    let done = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let store = ts.store.clone();
            thread::spawn(move || {
                let name = format!("w{w}");
                for batch in 0..BATCHES {
                    let msgs: Vec<String> = (0..PER_BATCH)
                        .map(|i| format!("{batch:03} {i:03}"))
                        .collect();
                    let events: Vec<NewEvent<'_>> = msgs
                        .iter()
                        .map(|m| NewEvent {
                            timestamp: T0 - 10_000 + batch as i64,
                            message: m,
                            position: None,
                        })
                        .collect();
                    store.append("g", &name, &events).expect("append");
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let store = ts.store.clone();
            let done = Arc::clone(&done);
            thread::spawn(move || {
                let mut reads = 0;
                loop {
                    let finished = done.load(Ordering::SeqCst);
                    let page = store
                        .filter_events("g", &FilterEvents::default())
                        .expect("filter");
                    // Per stream, per batch: how many of its events were seen.
                    let mut seen: HashMap<(String, String), usize> = HashMap::new();
                    for event in &page.events {
                        let batch = event.message[..3].to_string();
                        *seen.entry((event.stream_name.clone(), batch)).or_default() += 1;
                    }
                    for ((stream, batch), count) in &seen {
                        assert_eq!(*count, PER_BATCH, "partial batch {batch} of {stream}");
                    }
                    // A prefix: if batch n of a stream is visible, so is n-1.
                    for (stream, batch) in seen.keys() {
                        let n: usize = batch.parse().unwrap();
                        if n > 0 {
                            let previous = format!("{:03}", n - 1);
                            assert!(
                                seen.contains_key(&(stream.clone(), previous)),
                                "gap in {stream}"
                            );
                        }
                    }
                    reads += 1;
                    if finished {
                        return (reads, page.events.len());
                    }
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    done.store(true, Ordering::SeqCst);
    for reader in readers {
        let (reads, last_seen) = reader.join().unwrap();
        assert!(reads > 1);
        assert_eq!(last_seen, WRITERS * BATCHES * PER_BATCH);
    }
}
