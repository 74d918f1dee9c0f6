//! The reconciler's supervisor: it owns one [`TaskRunner`] per task on the instance,
//! feeds each runner its desired task, routes runtime events to the runner of the task
//! named by the container's labels, and resyncs everything on a timer.
//!
//! At start it re-adopts: it lists every container labelled with this instance, groups
//! them by task, and hands them to the runners, which observe instead of recreating.
//! Until the first desired set arrives from the server, only the ledger's set is acted
//! on; containers of tasks outside it are left alone. Once the server's set arrives it is
//! authoritative, and runners of tasks outside it stop their containers. Volumes a task
//! owns carry the same labels; those of a task with no container left (the agent stopped
//! while cleaning it up) get a runner too, which removes them once the task is gone.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use berth_api::protocol::{labels, DesiredState};
use futures::StreamExt;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::runtime::{ContainerStatus, ContainerSummary, RuntimeError, RuntimeEvent};
use crate::task::{Shared, TaskMsg, TaskRunner};

const RETRY_BASE: Duration = Duration::from_millis(200);
const RETRY_MAX: Duration = Duration::from_secs(10);

pub(crate) struct Supervisor {
    shared: Arc<Shared>,
    runners: HashMap<String, mpsc::UnboundedSender<TaskMsg>>,
    joins: JoinSet<String>,
    /// Tasks whose runner finished (stopped, gone, cleaned up). They never run again,
    /// even if a confused server lists them again.
    finished: HashSet<String>,
    /// Instance ARNs whose containers this agent owns (its own, plus earlier identities
    /// after a re-registration).
    instance_arns: Vec<String>,
    /// The task ARNs of the server's latest set, once one has arrived.
    authoritative: Option<HashSet<String>>,
    /// The desired task last handed to each runner, so that an unchanged task is not
    /// copied and sent again on every new set (which made a filling host O(n²)).
    sent: HashMap<String, Arc<berth_api::protocol::DesiredTask>>,
}

impl Supervisor {
    pub(crate) fn new(shared: Arc<Shared>, extra_instance_arns: Vec<String>) -> Self {
        let mut instance_arns = vec![shared.instance_arn.clone()];
        instance_arns.extend(extra_instance_arns);
        Self {
            shared,
            runners: HashMap::new(),
            joins: JoinSet::new(),
            finished: HashSet::new(),
            instance_arns,
            authoritative: None,
            sent: HashMap::new(),
        }
    }

    /// Runs until cancelled. On cancel the runners are aborted and containers keep
    /// running: the next start re-adopts them.
    pub(crate) async fn run(
        mut self,
        ledger_set: Option<DesiredState>,
        mut desired_rx: watch::Receiver<Option<Arc<DesiredState>>>,
        resync_interval: Duration,
        cancel: CancellationToken,
    ) {
        // Subscribe before listing, so nothing that happens in between is missed.
        let mut events = self
            .shared
            .runtime
            .events(labels::INSTANCE_ARN, &self.shared.instance_arn);
        let Some(found) = self.list_all(&cancel).await else {
            return;
        };
        let Some(by_task) = self.inspect_by_task(found, true, &cancel).await else {
            return;
        };
        let mut by_task = by_task;
        tracing::info!(
            containers = by_task.values().map(Vec::len).sum::<usize>(),
            tasks = by_task.len(),
            "adopting existing containers"
        );
        if let Some(set) = ledger_set {
            for t in set.tasks {
                let adopted = by_task.remove(&t.task_arn).unwrap_or_default();
                self.spawn(t.task_arn.clone(), Some(Arc::new(t)), adopted);
            }
        }
        for (arn, adopted) in by_task {
            self.spawn(arn, None, adopted);
        }
        for arn in self.volume_owners().await {
            self.spawn(arn, None, Vec::new());
        }

        let mut resync = tokio::time::interval(resync_interval);
        resync.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        resync.reset();
        let mut events_backoff = Backoff::new(RETRY_BASE, RETRY_MAX);
        loop {
            tokio::select! {
                _ = cancel.cancelled() => break,
                changed = desired_rx.changed() => {
                    if changed.is_err() {
                        break;
                    }
                    let set = desired_rx.borrow_and_update().clone();
                    if let Some(set) = set {
                        self.apply(&set);
                    }
                }
                ev = events.next() => match ev {
                    Some(RuntimeEvent::Container { id, labels: l, .. }) => {
                        events_backoff.reset();
                        if let Some(arn) = l.get(labels::TASK_ARN) {
                            self.send(arn, TaskMsg::Container(id));
                        }
                    }
                    Some(RuntimeEvent::Lagged) => self.resync(&cancel).await,
                    None => {
                        // The runtime connection broke: resubscribe, then resync what
                        // may have been missed.
                        let delay = events_backoff.next_delay();
                        tracing::warn!(?delay, "runtime event stream ended; resubscribing");
                        tokio::select! {
                            _ = cancel.cancelled() => break,
                            _ = tokio::time::sleep(delay) => {}
                        }
                        events = self
                            .shared
                            .runtime
                            .events(labels::INSTANCE_ARN, &self.shared.instance_arn);
                        self.resync(&cancel).await;
                    }
                },
                _ = resync.tick() => self.resync(&cancel).await,
                Some(done) = self.joins.join_next() => match done {
                    Ok(arn) => {
                        self.runners.remove(&arn);
                        self.sent.remove(&arn);
                        self.finished.insert(arn);
                    }
                    Err(e) if e.is_panic() => {
                        // The runner's sender is now dead; `send` drops it and the next
                        // resync re-adopts the task's containers.
                        tracing::error!(error = %e, "task runner panicked");
                    }
                    Err(_) => {}
                },
            }
        }
        self.joins.abort_all();
    }

    fn spawn(
        &mut self,
        arn: String,
        desired: Option<Arc<berth_api::protocol::DesiredTask>>,
        adopted: Vec<ContainerStatus>,
    ) {
        if self.finished.contains(&arn) || self.runners.contains_key(&arn) {
            return;
        }
        let (tx, rx) = mpsc::unbounded_channel();
        if self
            .authoritative
            .as_ref()
            .is_some_and(|set| !set.contains(&arn))
        {
            // The server does not know this task: it must not come back to life.
            let _ = tx.send(TaskMsg::Gone);
        }
        match &desired {
            Some(d) => self.sent.insert(arn.clone(), d.clone()),
            None => self.sent.remove(&arn),
        };
        let runner = TaskRunner::new(self.shared.clone(), arn.clone(), desired, adopted, rx);
        self.joins.spawn(runner.run());
        self.runners.insert(arn, tx);
    }

    fn send(&mut self, arn: &str, msg: TaskMsg) {
        if let Some(tx) = self.runners.get(arn) {
            if tx.send(msg).is_err() {
                self.runners.remove(arn);
                self.sent.remove(arn);
            }
        }
    }

    /// Applies the server's (authoritative) desired set.
    fn apply(&mut self, set: &DesiredState) {
        let in_set: HashSet<String> = set.tasks.iter().map(|t| t.task_arn.clone()).collect();
        self.authoritative = Some(in_set.clone());
        for t in &set.tasks {
            let unchanged = self.runners.contains_key(&t.task_arn)
                && self.sent.get(&t.task_arn).is_some_and(|old| **old == *t);
            if unchanged {
                continue;
            }
            let t = Arc::new(t.clone());
            if self.runners.contains_key(&t.task_arn) {
                self.send(&t.task_arn, TaskMsg::Desired(t.clone()));
                if self.runners.contains_key(&t.task_arn) {
                    self.sent.insert(t.task_arn.clone(), t);
                    continue;
                }
            }
            self.spawn(t.task_arn.clone(), Some(t), Vec::new());
        }
        let gone: Vec<String> = self
            .runners
            .keys()
            .filter(|a| !in_set.contains(a.as_str()))
            .cloned()
            .collect();
        for arn in gone {
            self.send(&arn, TaskMsg::Gone);
        }
    }

    /// The tasks owning volumes labelled with this instance. A failure is only logged:
    /// such volumes are leftovers, and the next agent start looks again.
    async fn volume_owners(&self) -> HashSet<String> {
        let mut owners = HashSet::new();
        for arn in &self.instance_arns {
            match self
                .shared
                .runtime
                .list_volumes(labels::INSTANCE_ARN, arn)
                .await
            {
                Ok(volumes) => owners.extend(
                    volumes
                        .into_iter()
                        .filter_map(|v| v.labels.get(labels::TASK_ARN).cloned()),
                ),
                Err(e) => tracing::warn!(error = %e, "cannot list task volumes"),
            }
        }
        owners
    }

    /// Lists the instance's containers, retrying while the runtime is unavailable.
    async fn list_all(&self, cancel: &CancellationToken) -> Option<Vec<ContainerSummary>> {
        let mut backoff = Backoff::new(RETRY_BASE, RETRY_MAX);
        loop {
            let mut all = Vec::new();
            let mut failed = None;
            for arn in &self.instance_arns {
                match self.shared.runtime.list(labels::INSTANCE_ARN, arn).await {
                    Ok(mut v) => all.append(&mut v),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            match failed {
                None => return Some(all),
                Some(e) => {
                    let delay = backoff.next_delay();
                    tracing::warn!(error = %e, ?delay, "cannot list containers; retrying");
                    tokio::select! {
                        _ = cancel.cancelled() => return None,
                        _ = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }

    /// Inspects listed containers and groups them by task. With `retry`, waits out an
    /// unavailable runtime (at start); without, skips what fails (the next resync
    /// retries). `None` when cancelled.
    async fn inspect_by_task(
        &self,
        found: Vec<ContainerSummary>,
        retry: bool,
        cancel: &CancellationToken,
    ) -> Option<HashMap<String, Vec<ContainerStatus>>> {
        let mut by_task: HashMap<String, Vec<ContainerStatus>> = HashMap::new();
        let mut backoff = Backoff::new(RETRY_BASE, RETRY_MAX);
        for s in found {
            let Some(arn) = s.labels.get(labels::TASK_ARN).cloned() else {
                continue;
            };
            loop {
                match self.shared.runtime.inspect(&s.id).await {
                    Ok(st) => {
                        by_task.entry(arn).or_default().push(st);
                        break;
                    }
                    // Removed since the listing.
                    Err(RuntimeError::NotFound(_)) => break,
                    Err(e) if !retry => {
                        tracing::warn!(error = %e, "cannot inspect container");
                        break;
                    }
                    Err(e) => {
                        let delay = backoff.next_delay();
                        tracing::warn!(error = %e, ?delay, "cannot inspect container; retrying");
                        tokio::select! {
                            _ = cancel.cancelled() => return None,
                            _ = tokio::time::sleep(delay) => {}
                        }
                    }
                }
            }
        }
        Some(by_task)
    }

    /// The safety net: adopt containers nobody owns, and make every runner re-inspect.
    async fn resync(&mut self, cancel: &CancellationToken) {
        let mut orphans = Vec::new();
        for arn in &self.instance_arns {
            match self.shared.runtime.list(labels::INSTANCE_ARN, arn).await {
                Ok(v) => orphans.extend(v.into_iter().filter(|s| {
                    s.labels.get(labels::TASK_ARN).is_some_and(|t| {
                        !self.runners.contains_key(t) && !self.finished.contains(t)
                    })
                })),
                Err(e) => {
                    tracing::warn!(error = %e, "resync: cannot list containers");
                    return;
                }
            }
        }
        if !orphans.is_empty() {
            let Some(by_task) = self.inspect_by_task(orphans, false, cancel).await else {
                return;
            };
            for (arn, adopted) in by_task {
                tracing::info!(task = %arn, "adopting unowned containers");
                // Without a desired task the runner stops them once the set is
                // authoritative (`spawn` tells it at once if the set already is).
                self.spawn(arn, None, adopted);
            }
        }
        let arns: Vec<String> = self.runners.keys().cloned().collect();
        for arn in arns {
            self.send(&arn, TaskMsg::Resync);
        }
    }
}
