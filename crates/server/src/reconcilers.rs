//! Reconcilers: small idempotent loops woken by a timer that close the gap between
//! what the store says and what should be.
//!
//! - [`cleanup`] forgets STOPPED tasks after the retention period;
//! - [`services`] runs the service scheduler (`app/service_scheduler.rs`) on every change
//!   and at least once a second;
//! - [`host_loss`] stops the tasks of container instances whose agent went silent for
//!   longer than the TTL plus the host-lost grace (see `app/liveness.rs`);
//! - [`task_definition_deletions`] deletes DELETE_IN_PROGRESS task definition revisions
//!   once no task or service uses them;
//! - [`secret_deletions`] deletes Secrets Manager secrets whose recovery window has passed;
//! - [`elbv2_drained_targets`] drops ELBv2 targets whose deregistration delay is over.
//! - [`log_retention`] applies each log group's retention to its stored events.
//! - [`address_release`] frees the addresses of awsvpc tasks that are STOPPED.
//! - [`idempotency_expiry`] forgets clientToken answers older than
//!   [`IDEMPOTENCY_RETENTION`].

use std::sync::Arc;
use std::time::Duration;

use berth_store::{Compare, DynStore, Op, StoreError, Txn};
use tokio_util::sync::CancellationToken;

use crate::app::App;
use crate::model::{keys, now, IdempotencyRecord};

/// Forgets STOPPED tasks once they are older than the retention period, as ECS does
/// (tasks stay describable for a while after they stop, then disappear).
pub(crate) async fn cleanup(app: Arc<App>, cancel: CancellationToken) {
    let period = (app.config.stopped_task_retention / 10)
        .clamp(Duration::from_secs(1), Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(period) => {}
        }
        let cutoff = now() - app.config.stopped_task_retention.as_secs_f64();
        let expired: Vec<(String, String)> = {
            let view = app.view.read();
            view.tasks
                .iter()
                .filter_map(|(id, entry)| {
                    let stopped_at = entry.status.as_ref()?.stopped_at?;
                    let task = entry.intent.as_ref()?;
                    (entry.is_stopped() && stopped_at < cutoff)
                        .then(|| (task.cluster.clone(), id.clone()))
                })
                .take(MAX_FORGOTTEN_PER_PASS)
                .collect()
        };
        // Two deletes per task, within one store transaction's limit.
        for batch in expired.chunks(berth_store::MAX_TXN_OPS / 2) {
            if cancel.is_cancelled() {
                return;
            }
            let mut ops = Vec::with_capacity(batch.len() * 2);
            for (cluster, id) in batch {
                ops.push(Op::Delete {
                    key: keys::task(cluster, id),
                });
                ops.push(Op::Delete {
                    key: keys::task_status(cluster, id),
                });
            }
            match app.store.txn(crate::app::txn(Vec::new(), ops)).await {
                Ok(_) => tracing::debug!(count = batch.len(), "forgot expired stopped tasks"),
                Err(err) => {
                    tracing::warn!(error = ?err, "could not forget expired stopped tasks");
                    break;
                }
            }
        }
    }
}

/// At most this many STOPPED tasks are forgotten per cleanup pass, so that a pass after a
/// long outage does not hold the store's writer for long.
const MAX_FORGOTTEN_PER_PASS: usize = 10_000;

/// Stops, server-side, the tasks of container instances whose host is lost. Runs every
/// sixteenth of the TTL (at most 0.5 s), so a loss is acted on soon after its deadline; every
/// pass re-derives everything from the view, so a pass that fails halfway is finished by
/// the next.
pub(crate) async fn host_loss(app: Arc<App>, cancel: CancellationToken) {
    let period =
        (app.config.agent_ttl / 16).clamp(Duration::from_millis(100), Duration::from_millis(500));
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(period) => {}
        }
        for lost in app.lost_instances() {
            if cancel.is_cancelled() {
                return;
            }
            match app.stop_lost_host_tasks(&lost).await {
                Ok(0) => {}
                Ok(count) => tracing::warn!(
                    cluster = %lost.cluster,
                    instance = %lost.instance_id,
                    silent_for = ?lost.silent_for,
                    tasks = count,
                    "host lost: stopped its tasks"
                ),
                Err(err) => tracing::warn!(
                    cluster = %lost.cluster,
                    instance = %lost.instance_id,
                    error = ?err,
                    "could not stop the tasks of a lost host; retrying on the next pass"
                ),
            }
        }
    }
}

/// Deletes DELETE_IN_PROGRESS task definition revisions that nothing uses any more, once
/// a second (ECS, too, deletes them some time after their last user goes). A pass with nothing
/// pending reads only the view's task definitions.
pub(crate) async fn task_definition_deletions(app: Arc<App>, cancel: CancellationToken) {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
        match app.finish_task_definition_deletions().await {
            Ok(0) => {}
            Ok(count) => tracing::debug!(count, "deleted task definition revisions"),
            Err(err) => {
                tracing::warn!(error = ?err, "could not delete task definition revisions")
            }
        }
    }
}

/// Deletes, once a second, the secrets scheduled for deletion whose recovery window has
/// passed. A pass with none due reads only the view.
pub(crate) async fn secret_deletions(app: Arc<App>, cancel: CancellationToken) {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
        match app.delete_expired_secrets().await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "deleted secrets whose recovery window ended"),
            Err(err) => tracing::warn!(error = ?err, "could not delete expired secrets"),
        }
    }
}

/// Runs the service scheduler after every change to the view (coalescing bursts) and at
/// least once a second, so that timers such as the launch backoff are noticed too.
pub(crate) async fn services(app: Arc<App>, cancel: CancellationToken) {
    let mut last_pass = Duration::ZERO;
    let mut changes = app.view.subscribe();
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = changes.changed() => {}
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
        // Let a burst of reports land before deciding, for about as long as a pass takes:
        // a small cluster reacts at once (a killed task is replaced without delay), while
        // a pass over tens of thousands of tasks does not run back to back with itself.
        let pause = (last_pass * 2).min(Duration::from_millis(20));
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        // A pass waits for the view to reach each of its writes, which never happens once
        // the view stops following the store at shutdown; passes are idempotent, so one
        // cut short is simply decided again after a restart.
        let started = std::time::Instant::now();
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = app.reconcile_services() => {}
        }
        last_pass = started.elapsed();
    }
}

/// Drops deregistered ELBv2 targets once their deregistration delay is over, once a second.
/// Reads already treat such targets as gone; this keeps the records small.
pub(crate) async fn elbv2_drained_targets(app: Arc<App>, cancel: CancellationToken) {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
        if let Err(err) = app.elbv2_forget_drained().await {
            tracing::warn!(error = ?err, "could not drop drained ELBv2 targets");
        }
    }
}

/// How often log retention is applied. CloudWatch takes up to 72 hours to delete expired
/// events; a pass deletes whole segments (a day of events at most), so once a minute is
/// plenty and costs a walk over the groups' segment lists.
const LOG_RETENTION_PERIOD: Duration = Duration::from_secs(60);

/// Deletes stored log events older than their group's retention: at start, then once a
/// minute. The engine is synchronous, so each pass runs on the blocking pool.
pub(crate) async fn log_retention(app: Arc<App>, cancel: CancellationToken) {
    loop {
        match app.with_logs(|store| store.enforce_retention()).await {
            Ok(report) if report.segments_deleted > 0 => tracing::info!(
                segments = report.segments_deleted,
                bytes = report.bytes_freed,
                "deleted log events past their group's retention"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = ?err, "could not apply log retention"),
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(LOG_RETENTION_PERIOD) => {}
        }
    }
}

/// Frees the addresses of awsvpc tasks that are STOPPED (or forgotten), four times a
/// second, so that an address is given again only once its task has let it go. A pass
/// with nothing due reads only the view's addresses.
pub(crate) async fn address_release(app: Arc<App>, cancel: CancellationToken) {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            result = app.release_addresses() => match result {
                Ok(0) => {}
                Ok(count) => tracing::debug!(count, "freed the addresses of stopped tasks"),
                Err(err) => tracing::warn!(error = ?err, "could not free task addresses"),
            }
        }
    }
}

/// How long the answer to a RunTask or CreateService `clientToken` is kept. ECS does not
/// document one; EC2 keeps client tokens for at least 24 hours, and so does berth: a retry
/// within that time gets the first answer, and once the record is forgotten the token
/// starts something new.
pub const IDEMPOTENCY_RETENTION: Duration = Duration::from_secs(24 * 3600);

/// Forgets clientToken answers older than [`IDEMPOTENCY_RETENTION`], once a minute, so the
/// store does not grow with every token ever used. (The view never keeps them.)
pub(crate) async fn idempotency_expiry(app: Arc<App>, cancel: CancellationToken) {
    loop {
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
        }
        let cutoff = now() - IDEMPOTENCY_RETENTION.as_secs_f64();
        tokio::select! {
            _ = cancel.cancelled() => return,
            result = expire_idempotency_records(&app.store, cutoff) => match result {
                Ok(0) => {}
                Ok(count) => tracing::debug!(count, "forgot expired clientToken answers"),
                Err(err) => tracing::warn!(error = ?err, "could not forget clientToken answers"),
            }
        }
    }
}

/// Keys read from the store per page when looking for expired records.
const IDEMPOTENCY_PAGE: usize = 256;

/// Deletes the idempotency records created before `cutoff` (epoch seconds), a page at a
/// time, each guarded by its revision; returns how many it deleted. A record that does not
/// decode is left alone (and logged by whoever reads it).
pub(crate) async fn expire_idempotency_records(
    store: &DynStore,
    cutoff: f64,
) -> Result<usize, StoreError> {
    let mut start = keys::IDEMPOTENCY.to_owned();
    let mut deleted = 0;
    loop {
        let (page, _) = store
            .range_from(keys::IDEMPOTENCY, &start, IDEMPOTENCY_PAGE)
            .await?;
        let Some(last) = page.last() else {
            return Ok(deleted);
        };
        start = berth_store::key_after(&last.key);
        let expired: Vec<_> = page
            .iter()
            .filter(|kv| {
                serde_json::from_slice::<IdempotencyRecord>(&kv.value)
                    .is_ok_and(|record| record.created_at < cutoff)
            })
            .collect();
        for chunk in expired.chunks(berth_store::MAX_TXN_OPS) {
            let mut txn = Txn::new();
            for kv in chunk {
                txn = txn
                    .when(Compare::mod_revision(kv.key.clone(), kv.mod_revision))
                    .and_then(Op::delete(kv.key.clone()));
            }
            // Records are written once; one written again meanwhile is looked at next pass.
            if store.txn(txn).await?.succeeded {
                deleted += chunk.len();
            }
        }
        if page.len() < IDEMPOTENCY_PAGE {
            return Ok(deleted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_store::StoreExt;

    #[tokio::test]
    async fn idempotency_records_are_forgotten_after_the_retention_only() {
        let store: DynStore = Arc::new(berth_store::MemoryStore::new());
        let record = |created_at: f64| {
            serde_json::to_vec(&IdempotencyRecord {
                request_hash: "h".into(),
                response: serde_json::Value::Null,
                created_at,
            })
            .expect("json")
        };
        // More than a page and more than a transaction's ops of old records, around
        // younger ones, and one record that does not decode.
        for i in 0..300 {
            let key = keys::idempotency("RunTask", "c", &format!("old-{i:03}"));
            store.put(&key, record(100.0)).await.expect("put");
        }
        for i in 0..5 {
            let key = keys::idempotency("RunTask", "c", &format!("new-{i}"));
            store.put(&key, record(10_000.0)).await.expect("put");
        }
        let broken = keys::idempotency("CreateService", "c", "broken");
        store.put(&broken, b"{".to_vec()).await.expect("put");
        let unrelated = keys::cluster("c");
        store.put(&unrelated, record(1.0)).await.expect("put");

        let deleted = expire_idempotency_records(&store, 5_000.0).await;
        assert_eq!(deleted, Ok(300));
        let (left, _) = store.range(keys::IDEMPOTENCY).await.expect("range");
        let mut left: Vec<String> = left.into_iter().map(|kv| kv.key).collect();
        left.sort();
        assert_eq!(left.len(), 6, "{left:?}");
        assert!(left.contains(&broken));
        assert!(left.iter().filter(|k| k.contains("/new-")).count() == 5);
        assert!(store.get(&unrelated).await.is_ok_and(|kv| kv.is_some()));
        // Nothing more to do.
        assert_eq!(expire_idempotency_records(&store, 5_000.0).await, Ok(0));
    }
}
