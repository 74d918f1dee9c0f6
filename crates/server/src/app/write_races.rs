//! Races between writers, replayed at exact interleavings: the app runs over a real
//! SQLite store wrapped in a [`FlakyStore`], which holds one chosen transaction (or read)
//! until the test lets it go, so another writer lands in between. No sleeps: each step
//! waits for the held call to arrive, and timeouts are only ceilings.
//!
//! Each test here failed before the write discipline it checks (see "Write discipline" in
//! `docs/architecture.md`).

use std::sync::Arc;
use std::time::Duration;

use berth_api::ecs::{
    ContainerDefinition, CreateClusterRequest, DeleteClusterRequest,
    DeregisterContainerInstanceRequest, RegisterTaskDefinitionRequest, RunTaskRequest,
    StartTaskRequest, StopTaskRequest, Tag, TagResourceRequest,
};
use berth_api::protocol::{
    DesiredStatus, HostResources, RegisterRequest, ReportRequest, ReportedStatus, TaskReport,
};
use berth_store::testing::{FlakyStore, Hold};
use berth_store::{DynStore, SqliteStore, Store};

use super::liveness::LostInstance;
use super::{AgentIdentity, App, AppConfig};
use crate::error::Error;
use crate::model::{keys, TaskRecord, TaskStatusRecord};

/// The longest any step may take before the test fails: a ceiling, never a wait.
const CEILING: Duration = Duration::from_secs(20);

/// An app over a held-and-failing SQLite store, with its view following the store.
struct Harness {
    app: Arc<App>,
    store: Arc<FlakyStore<SqliteStore>>,
    cancel: tokio_util::sync::CancellationToken,
    _dir: tempfile::TempDir,
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

async fn harness() -> Harness {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Arc::new(FlakyStore::new(
        SqliteStore::open(&dir.path().join("berth.db")).expect("opening the store"),
    ));
    let shared: DynStore = store.clone();
    let view = crate::state::View::load(&shared).await.expect("view");
    let cancel = tokio_util::sync::CancellationToken::new();
    tokio::spawn(view.clone().follow(shared.clone(), cancel.clone()));
    let app = Arc::new(App::new(
        shared,
        view,
        AppConfig::default(),
        Arc::new(crate::crypto::Keyring::ephemeral()),
        cancel.clone(),
    ));
    Harness {
        app,
        store,
        cancel,
        _dir: dir,
    }
}

/// Registers an instance of `memory_mib` into `cluster` as an agent would.
async fn register_instance(
    app: &App,
    cluster: &str,
    memory_mib: i64,
) -> crate::error::Result<AgentIdentity> {
    let token = app.create_join_token(cluster, false).await?;
    let registered = app
        .register_agent(
            &token,
            RegisterRequest {
                cluster: cluster.into(),
                hostname: "host".into(),
                resources: HostResources {
                    cpu: 1024,
                    memory_mib,
                    ..HostResources::default()
                },
                attributes: Vec::new(),
                launch_type: "EC2".into(),
                agent_version: "test".into(),
                runtime_version: "test".into(),
            },
        )
        .await?;
    let (_, instance_id) = app
        .config
        .scope
        .container_instance_id(&registered.container_instance_arn)
        .expect("an instance ARN");
    Ok(AgentIdentity {
        cluster: cluster.into(),
        instance_id,
    })
}

/// Finishes `future` within the ceiling, or fails the test saying what hung.
async fn within<T>(what: &str, future: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(CEILING, future)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within {CEILING:?}"))
}

impl Harness {
    async fn empty_cluster(&self, name: &str) {
        self.app
            .create_cluster(CreateClusterRequest {
                cluster_name: Some(name.into()),
                ..CreateClusterRequest::default()
            })
            .await
            .expect("CreateCluster");
    }

    /// RunTask of one `web` task, in the background.
    fn spawn_run_task(
        &self,
        cluster: &str,
    ) -> tokio::task::JoinHandle<crate::error::Result<berth_api::ecs::RunTaskResponse>> {
        let app = self.app.clone();
        let request = Self::run_request(cluster);
        tokio::spawn(async move { app.run_task(request).await })
    }

    /// Runs `call` in the background and returns once `hold` holds its store call.
    async fn held<T: Send + 'static>(
        hold: Hold,
        what: &str,
        call: impl std::future::Future<Output = T> + Send + 'static,
    ) -> (Hold, tokio::task::JoinHandle<T>) {
        let handle = tokio::spawn(call);
        within(&format!("{what} reaching the store"), hold.arrived()).await;
        (hold, handle)
    }

    /// RunTask with its write held after it placed.
    async fn held_run_task(
        &self,
        cluster: &str,
    ) -> (
        Hold,
        tokio::task::JoinHandle<crate::error::Result<berth_api::ecs::RunTaskResponse>>,
    ) {
        let app = self.app.clone();
        let request = Self::run_request(cluster);
        Self::held(
            self.store.hold_next_txn(keys::TASKS),
            "RunTask",
            async move { app.run_task(request).await },
        )
        .await
    }

    /// DeleteCluster with its write held after it found the cluster empty.
    async fn held_delete_cluster(
        &self,
        cluster: &str,
    ) -> (Hold, tokio::task::JoinHandle<crate::error::Result<()>>) {
        let app = self.app.clone();
        let cluster = cluster.to_owned();
        Self::held(
            self.store.hold_next_txn(keys::CLUSTERS),
            "DeleteCluster",
            async move {
                app.delete_cluster(DeleteClusterRequest { cluster })
                    .await
                    .map(|_| ())
            },
        )
        .await
    }

    /// An ACTIVE cluster with one registered instance of `memory_mib` and a task
    /// definition `web` whose task reserves 100 MiB; returns the instance's identity.
    async fn cluster(&self, name: &str, memory_mib: i64) -> AgentIdentity {
        self.empty_cluster(name).await;
        let agent = register_instance(&self.app, name, memory_mib)
            .await
            .expect("join");
        self.app
            .register_task_definition(RegisterTaskDefinitionRequest {
                family: "web".into(),
                container_definitions: vec![ContainerDefinition {
                    name: Some("app".into()),
                    image: Some("busybox".into()),
                    memory: Some(100),
                    essential: Some(true),
                    ..ContainerDefinition::default()
                }],
                ..RegisterTaskDefinitionRequest::default()
            })
            .await
            .expect("RegisterTaskDefinition");
        agent
    }

    fn run_request(cluster: &str) -> RunTaskRequest {
        RunTaskRequest {
            cluster: Some(cluster.into()),
            task_definition: "web".into(),
            ..RunTaskRequest::default()
        }
    }

    /// Runs one task and returns its ID.
    async fn run_one(&self, cluster: &str) -> String {
        let response = self
            .app
            .run_task(Self::run_request(cluster))
            .await
            .expect("RunTask");
        let arn = response
            .tasks
            .unwrap_or_default()
            .first()
            .and_then(|t| t.task_arn.clone())
            .expect("one task placed");
        self.app.config.scope.task_id(&arn).expect("a task ARN").1
    }

    /// The agent's report of a task in `status`.
    fn report(&self, cluster: &str, id: &str, status: ReportedStatus) -> TaskReport {
        let stopped = status == ReportedStatus::Stopped;
        TaskReport {
            task_arn: self.app.config.scope.task(cluster, id),
            last_status: status,
            containers: Vec::new(),
            stop_code: stopped.then(|| "EssentialContainerExited".into()),
            stopped_reason: stopped.then(|| "Essential container in task exited".into()),
            pull_started_at: None,
            pull_stopped_at: None,
            started_at: Some(1.0),
            stopping_at: None,
            execution_stopped_at: None,
            health_status: None,
        }
    }

    async fn send(
        app: &App,
        agent: &AgentIdentity,
        report: TaskReport,
    ) -> crate::error::Result<usize> {
        app.agent_report(
            agent,
            ReportRequest {
                generation: 1,
                tasks: vec![report],
            },
        )
        .await
        .map(|r| r.accepted)
    }

    /// A task that its agent reported RUNNING.
    async fn running_task(&self, agent: &AgentIdentity) -> String {
        let id = self.run_one(&agent.cluster).await;
        let report = self.report(&agent.cluster, &id, ReportedStatus::Running);
        assert_eq!(Self::send(&self.app, agent, report).await.ok(), Some(1));
        id
    }

    /// Starts sending `report` with its transaction held at the store, and returns once
    /// it is held: the report has decided what to write from the view as it was.
    async fn held_report(
        &self,
        agent: &AgentIdentity,
        report: TaskReport,
    ) -> (Hold, tokio::task::JoinHandle<crate::error::Result<usize>>) {
        let app = self.app.clone();
        let agent = agent.clone();
        Self::held(
            self.store.hold_next_txn(keys::TASK_STATUS),
            "the report",
            async move { Self::send(&app, &agent, report).await },
        )
        .await
    }

    async fn stored<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let kv = self
            .store
            .inner()
            .get(key)
            .await
            .expect("reading the store")?;
        Some(serde_json::from_slice(&kv.value).expect("a stored record"))
    }

    async fn intent(&self, cluster: &str, id: &str) -> TaskRecord {
        self.stored(&keys::task(cluster, id))
            .await
            .expect("the task's intent")
    }

    async fn status(&self, cluster: &str, id: &str) -> TaskStatusRecord {
        self.stored(&keys::task_status(cluster, id))
            .await
            .expect("the task's status")
    }

    fn cluster_status(&self, cluster: &str) -> String {
        let view = self.app.view.read();
        view.clusters
            .get(cluster)
            .map(|c| c.status.clone())
            .unwrap_or_default()
    }

    async fn deregister(&self, agent: &AgentIdentity) {
        self.app
            .deregister_container_instance(DeregisterContainerInstanceRequest {
                cluster: Some(agent.cluster.clone()),
                container_instance: agent.instance_id.clone(),
                force: Some(true),
            })
            .await
            .expect("DeregisterContainerInstance");
    }

    async fn delete_cluster(&self, cluster: &str) -> crate::error::Result<()> {
        self.app
            .delete_cluster(DeleteClusterRequest {
                cluster: cluster.into(),
            })
            .await
            .map(|_| ())
    }

    /// The tasks of a cluster in the store that are not STOPPED.
    async fn unstopped_tasks(&self, cluster: &str) -> Vec<String> {
        let (intents, _) = self
            .store
            .inner()
            .range(&format!("{}{cluster}/", keys::TASKS))
            .await
            .expect("reading the store");
        let mut unstopped = Vec::new();
        for kv in intents {
            let task: TaskRecord = serde_json::from_slice(&kv.value).expect("a task");
            let status: Option<TaskStatusRecord> =
                self.stored(&keys::task_status(cluster, &task.id)).await;
            if status.is_none_or(|s| s.report.last_status != ReportedStatus::Stopped) {
                unstopped.push(task.id);
            }
        }
        unstopped
    }
}

// ---- Agent reports ----

#[tokio::test]
async fn a_late_running_report_does_not_undo_a_host_loss_stop() {
    let h = harness().await;
    let agent = h.cluster("c", 1024).await;
    let id = h.running_task(&agent).await;

    // The agent's next RUNNING report decides from the view, then loses the race to the
    // host-loss reconciler stopping the task.
    let mut late = h.report("c", &id, ReportedStatus::Running);
    late.started_at = Some(2.0);
    let (hold, sent) = h.held_report(&agent, late).await;
    let stopped = h
        .app
        .stop_lost_host_tasks(&LostInstance {
            cluster: "c".into(),
            instance_id: agent.instance_id.clone(),
            silent_for: Duration::from_secs(60),
            task_ids: vec![("c".to_owned(), id.clone())],
        })
        .await
        .expect("stopping the lost host's task");
    assert_eq!(stopped, 1);
    hold.release();
    let accepted = within("the report", sent).await.expect("joined");
    assert_eq!(
        accepted.ok(),
        Some(0),
        "a report of a STOPPED task is dropped"
    );

    let status = h.status("c", &id).await;
    assert_eq!(status.report.last_status, ReportedStatus::Stopped);
    assert_eq!(
        status.report.stop_code.as_deref(),
        Some(super::liveness::HOST_LOST_STOP_CODE)
    );
    assert!(h
        .app
        .view
        .read()
        .tasks
        .get(&id)
        .is_some_and(|e| e.is_stopped()));
}

#[tokio::test]
async fn a_task_stopping_by_itself_keeps_a_concurrent_stop_tasks_code_and_reason() {
    let h = harness().await;
    let agent = h.cluster("c", 1024).await;
    let id = h.running_task(&agent).await;

    let exited = h.report("c", &id, ReportedStatus::Stopped);
    let (hold, sent) = h.held_report(&agent, exited).await;
    h.app
        .stop_task(StopTaskRequest {
            cluster: Some("c".into()),
            task: id.clone(),
            reason: Some("stopped by the operator".into()),
        })
        .await
        .expect("StopTask");
    hold.release();
    let accepted = within("the report", sent).await.expect("joined");
    assert_eq!(accepted.ok(), Some(1), "the STOPPED report is recorded");

    let intent = h.intent("c", &id).await;
    assert_eq!(intent.desired_status, DesiredStatus::Stopped);
    assert_eq!(intent.stop_code.as_deref(), Some("UserInitiated"));
    assert_eq!(
        intent.stopped_reason.as_deref(),
        Some("stopped by the operator")
    );
    assert_eq!(
        h.status("c", &id).await.report.last_status,
        ReportedStatus::Stopped
    );
}

#[tokio::test]
async fn a_task_stopping_by_itself_keeps_tags_added_concurrently() {
    let h = harness().await;
    let agent = h.cluster("c", 1024).await;
    let id = h.running_task(&agent).await;

    let exited = h.report("c", &id, ReportedStatus::Stopped);
    let (hold, sent) = h.held_report(&agent, exited).await;
    h.app
        .tag_resource(TagResourceRequest {
            resource_arn: h.app.config.scope.task("c", &id),
            tags: vec![Tag {
                key: Some("team".into()),
                value: Some("blue".into()),
            }],
        })
        .await
        .expect("TagResource");
    hold.release();
    let accepted = within("the report", sent).await.expect("joined");
    assert_eq!(accepted.ok(), Some(1));

    let intent = h.intent("c", &id).await;
    assert_eq!(intent.desired_status, DesiredStatus::Stopped);
    assert!(
        intent
            .tags
            .iter()
            .any(|t| t.key.as_deref() == Some("team") && t.value.as_deref() == Some("blue")),
        "the tag survives the report: {:?}",
        intent.tags
    );
}

// ---- DeleteCluster against creates ----

#[tokio::test]
async fn delete_cluster_refuses_when_a_task_lands_after_its_check() {
    let h = harness().await;
    let agent = h.cluster("c", 1024).await;

    // RunTask placed the task while the instance was ACTIVE; its write is held.
    let (tasks_hold, run) = h.held_run_task("c").await;
    h.deregister(&agent).await;

    // DeleteCluster sees no instance and no task, and its write is held.
    let (cluster_hold, delete) = h.held_delete_cluster("c").await;

    // The task lands first, then the delete.
    tasks_hold.release();
    let run = within("RunTask", run).await.expect("joined");
    assert_eq!(run.expect("RunTask").tasks.map(|t| t.len()), Some(1));
    cluster_hold.release();
    let delete = within("DeleteCluster", delete).await.expect("joined");
    assert!(
        matches!(delete, Err(Error::ClusterContainsTasks)),
        "DeleteCluster must see the task that landed after its check: {delete:?}"
    );
    assert_eq!(h.cluster_status("c"), "ACTIVE");
}

#[tokio::test]
async fn run_task_fails_when_its_cluster_was_deleted_after_its_check() {
    let h = harness().await;
    let agent = h.cluster("c", 1024).await;

    let (tasks_hold, run) = h.held_run_task("c").await;
    h.deregister(&agent).await;
    h.delete_cluster("c").await.expect("DeleteCluster");
    assert_eq!(h.cluster_status("c"), "INACTIVE");

    tasks_hold.release();
    let run = within("RunTask", run).await.expect("joined");
    assert!(
        matches!(run, Err(Error::ClusterInactive)),
        "RunTask must not leave a task in an INACTIVE cluster: {run:?}"
    );
    assert_eq!(h.unstopped_tasks("c").await, Vec::<String>::new());
}

#[tokio::test]
async fn an_instance_registering_after_delete_clusters_check_makes_it_refuse() {
    let h = harness().await;
    h.empty_cluster("c").await;

    let (cluster_hold, delete) = h.held_delete_cluster("c").await;
    register_instance(&h.app, "c", 1024)
        .await
        .expect("registration");
    cluster_hold.release();
    let delete = within("DeleteCluster", delete).await.expect("joined");
    assert!(
        matches!(delete, Err(Error::ClusterContainsContainerInstances)),
        "{delete:?}"
    );
    assert_eq!(h.cluster_status("c"), "ACTIVE");
}

#[tokio::test]
async fn an_instance_cannot_register_into_a_cluster_deleted_after_its_check() {
    let h = harness().await;
    h.empty_cluster("c").await;
    let app = h.app.clone();
    let (instances_hold, register) = Harness::held(
        h.store.hold_next_txn(keys::INSTANCES),
        "the registration",
        async move { register_instance(&app, "c", 1024).await },
    )
    .await;
    h.delete_cluster("c").await.expect("DeleteCluster");
    instances_hold.release();
    let register = within("the registration", register).await.expect("joined");
    assert!(
        matches!(register, Err(Error::ClusterInactive)),
        "{register:?}"
    );
    let view = h.app.view.read();
    assert!(
        !view.instances.keys().any(|(cluster, _)| cluster == "c"),
        "no instance in the INACTIVE cluster"
    );
}

/// Many rounds of RunTask against (deregistration, DeleteCluster) at once: whatever the
/// interleaving, an INACTIVE cluster has no task that is not STOPPED, and a call that
/// loses fails with ECS's error for it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_task_and_delete_cluster_in_a_loop_never_leave_a_task_in_an_inactive_cluster() {
    let h = harness().await;
    for round in 0..25 {
        let cluster = format!("c{round}");
        let agent = h.cluster(&cluster, 1024).await;
        let run = h.spawn_run_task(&cluster);
        h.deregister(&agent).await;
        let delete = h.delete_cluster(&cluster).await;
        let run = within("RunTask", run).await.expect("joined");
        match &delete {
            Ok(()) | Err(Error::ClusterContainsTasks) => {}
            Err(other) => panic!("round {round}: DeleteCluster failed with {other:?}"),
        }
        match &run {
            Ok(_) | Err(Error::ClusterInactive) => {}
            Err(other) => panic!("round {round}: RunTask failed with {other:?}"),
        }
        if h.cluster_status(&cluster) == "INACTIVE" {
            assert_eq!(
                h.unstopped_tasks(&cluster).await,
                Vec::<String>::new(),
                "round {round}: a task in an INACTIVE cluster ({run:?})"
            );
        }
    }
}

// ---- Locks across awaits ----

#[tokio::test]
async fn a_slow_start_task_commit_does_not_block_run_tasks_placement() {
    let h = harness().await;
    // Room for one task of 100 MiB.
    let agent = h.cluster("c", 150).await;
    let app = h.app.clone();
    let instance = agent.instance_id.clone();
    let (hold, start) = Harness::held(
        h.store.hold_next_txn(keys::TASKS),
        "StartTask",
        async move {
            app.start_task(StartTaskRequest {
                cluster: Some("c".into()),
                container_instances: vec![instance],
                task_definition: "web".into(),
                ..StartTaskRequest::default()
            })
            .await
        },
    )
    .await;

    // StartTask's commit is held: RunTask still places, and counts StartTask's task.
    let run = within(
        "RunTask while StartTask's commit is slow",
        h.app.run_task(Harness::run_request("c")),
    )
    .await
    .expect("RunTask");
    assert_eq!(run.tasks.map(|t| t.len()), Some(0));
    let reasons: Vec<_> = run
        .failures
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.reason)
        .collect();
    assert_eq!(reasons, vec!["RESOURCE:MEMORY".to_owned()]);

    hold.release();
    let started = within("StartTask", start).await.expect("joined");
    assert_eq!(started.expect("StartTask").tasks.map(|t| t.len()), Some(1));
}

#[tokio::test]
async fn a_slow_client_token_read_does_not_block_placement() {
    let h = harness().await;
    h.cluster("c", 1024).await;
    let app = h.app.clone();
    let (hold, with_token) = Harness::held(
        h.store.hold_next_get(keys::IDEMPOTENCY),
        "RunTask's clientToken read",
        async move {
            app.run_task(RunTaskRequest {
                client_token: Some("token-1".into()),
                ..Harness::run_request("c")
            })
            .await
        },
    )
    .await;
    let other = within(
        "RunTask while another reads its clientToken",
        h.app.run_task(Harness::run_request("c")),
    )
    .await
    .expect("RunTask");
    assert_eq!(other.tasks.map(|t| t.len()), Some(1));
    hold.release();
    let with_token = within("RunTask with a clientToken", with_token)
        .await
        .expect("joined")
        .expect("RunTask");
    assert_eq!(with_token.tasks.map(|t| t.len()), Some(1));
}
