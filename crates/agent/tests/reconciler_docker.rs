//! The whole agent over the real Docker runtime, with an in-memory control plane:
//! RUNNING with a reachable dynamic port, user stop (STOPPING → STOPPED), essential and
//! non-essential exits, `dependsOn` ordering, and re-adoption across an agent restart
//! (including a container killed while the agent was down).

mod common;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use berth_agent::runtime::RunState;
use berth_agent::{ContainerRuntime, DockerRuntime};
use berth_api::ecs::{ContainerCondition, ContainerDependency, PortMapping};
use berth_api::protocol::{labels, ReportedStatus};
use common::*;

const T: Duration = Duration::from_secs(60);
/// A container that runs until stopped and exits 0 promptly on SIGTERM.
const SERVE: &str = "trap 'exit 0' TERM; while true; do sleep 0.2; done";

struct Setup {
    rt: Arc<DockerRuntime>,
    control: Arc<TestControl>,
    dir: tempfile::TempDir,
}

async fn setup() -> Option<Setup> {
    if !docker_available() {
        return None;
    }
    init_tracing();
    Some(Setup {
        rt: Arc::new(DockerRuntime::connect().await.expect("docker")),
        control: TestControl::new(),
        dir: tempfile::tempdir().expect("tempdir"),
    })
}

impl Setup {
    fn start(&self) -> Agent {
        Agent::start(
            config(self.dir.path()),
            self.rt.clone(),
            self.control.clone(),
        )
    }

    /// Registers the removal of this agent's containers when the test ends.
    async fn cleanup(&self) -> DockerCleanup {
        DockerCleanup::new(labels::INSTANCE_ARN, &instance_arn(self.dir.path()).await)
    }

    async fn started_at(&self, id: &str) -> Option<SystemTime> {
        self.rt.inspect(id).await.expect("inspect").started_at
    }
}

fn runtime_id(r: &berth_api::protocol::TaskReport, name: &str) -> String {
    containers_by_name(r)[name]
        .runtime_id
        .clone()
        .expect("runtime id")
}

#[tokio::test]
async fn runs_serves_and_stops_on_request() {
    let Some(s) = setup().await else { return };
    let agent = s.start();
    let _cleanup = s.cleanup().await;
    let mut web = container("web", "exec httpd -f -p 80 -h /");
    web.port_mappings = Some(vec![PortMapping {
        container_port: Some(80),
        ..Default::default()
    }]);
    web.stop_timeout = Some(2);
    let t = task("web", vec![web]);
    s.control.set_tasks(vec![t.clone()]);

    let r = wait_status(&s.control, &t.task_arn, ReportedStatus::Running, T).await;
    let c = &r.containers[0];
    assert_eq!(c.last_status, ReportedStatus::Running);
    let port = c
        .network_bindings
        .iter()
        .find(|b| b.bind_ip.as_deref() == Some("0.0.0.0"))
        .and_then(|b| b.host_port)
        .expect("dynamic host port reported");
    let port = u16::try_from(port).expect("port");
    wait_for("port answers", T, || async {
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
    })
    .await;

    s.control
        .stop_task(&t.task_arn, "UserInitiated", "Task stopped by test");
    let r = wait_status(&s.control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("UserInitiated"));
    assert_eq!(r.stopped_reason.as_deref(), Some("Task stopped by test"));
    // The reporter coalesces a task's reports (each is the whole state), so a PENDING
    // followed at once by RUNNING may reach the server as RUNNING only.
    let statuses = s.control.statuses(&t.task_arn);
    assert!(
        statuses.ends_with(&[
            ReportedStatus::Running,
            ReportedStatus::Stopping,
            ReportedStatus::Stopped
        ]) && statuses.len() <= 4,
        "{statuses:?}"
    );
    // httpd as PID 1 ignores SIGTERM, so the stop timeout elapsed and SIGKILL ended it.
    assert_eq!(r.containers[0].exit_code, Some(137));
    agent.stop().await;
}

#[tokio::test]
async fn essential_exit_stops_task_sidecar_exit_does_not() {
    let Some(s) = setup().await else { return };
    let agent = s.start();
    let _cleanup = s.cleanup().await;

    // Task 1: a sidecar that exits does not stop the task.
    let mut sidecar = container("sidecar", "sleep 0.5; exit 0");
    sidecar.essential = Some(false);
    let steady = task("steady", vec![container("main", SERVE), sidecar]);
    // Task 2: the essential container exits with 3.
    let mut helper = container("helper", SERVE);
    helper.essential = Some(false);
    let failing = task(
        "failing",
        vec![container("main", "sleep 1; exit 3"), helper],
    );
    s.control.set_tasks(vec![steady.clone(), failing.clone()]);

    let r = wait_status(&s.control, &failing.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("EssentialContainerExited"));
    assert_eq!(
        r.stopped_reason.as_deref(),
        Some("Essential container in task exited")
    );
    let by = containers_by_name(&r);
    assert_eq!(by["main"].exit_code, Some(3));
    assert_eq!(by["helper"].last_status, ReportedStatus::Stopped);
    let helper_id = runtime_id(&r, "helper");
    assert_eq!(
        s.rt.inspect(&helper_id).await.expect("inspect").state,
        RunState::Exited
    );

    wait_for("sidecar stopped", T, || async {
        s.control.latest(&steady.task_arn).is_some_and(|r| {
            containers_by_name(&r)["sidecar"].last_status == ReportedStatus::Stopped
        })
    })
    .await;
    let r = s.control.latest(&steady.task_arn).expect("report");
    assert_eq!(r.last_status, ReportedStatus::Running);
    assert_eq!(containers_by_name(&r)["sidecar"].exit_code, Some(0));
    let main_id = runtime_id(&r, "main");
    assert_eq!(
        s.rt.inspect(&main_id).await.expect("inspect").state,
        RunState::Running
    );
    agent.stop().await;
}

#[tokio::test]
async fn depends_on_success_orders_starts() {
    let Some(s) = setup().await else { return };
    let agent = s.start();
    let _cleanup = s.cleanup().await;
    let mut init = container("init", "sleep 1; exit 0");
    init.essential = Some(false);
    let mut app = container("app", SERVE);
    app.depends_on = Some(vec![ContainerDependency {
        container_name: "init".into(),
        condition: ContainerCondition::Success,
    }]);
    let t = task("ordered", vec![app, init]);
    s.control.set_tasks(vec![t.clone()]);
    let r = wait_status(&s.control, &t.task_arn, ReportedStatus::Running, T).await;
    let init =
        s.rt.inspect(&runtime_id(&r, "init"))
            .await
            .expect("inspect");
    let app = s.rt.inspect(&runtime_id(&r, "app")).await.expect("inspect");
    assert_eq!(init.exit_code, Some(0));
    let init_finished = init.finished_at.expect("init finished");
    let app_started = app.started_at.expect("app started");
    assert!(
        app_started >= init_finished,
        "app started {app_started:?} before init finished {init_finished:?}"
    );
    agent.stop().await;
}

#[tokio::test]
async fn restart_readopts_without_recreating() {
    let Some(s) = setup().await else { return };
    let agent = s.start();
    let cleanup = s.cleanup().await;
    let mut side = container("side", SERVE);
    side.essential = Some(false);
    let t = task("adopt", vec![container("main", SERVE), side]);
    let victim = task("victim", vec![container("main", SERVE)]);
    s.control.set_tasks(vec![t.clone(), victim.clone()]);
    let r = wait_status(&s.control, &t.task_arn, ReportedStatus::Running, T).await;
    let rv = wait_status(&s.control, &victim.task_arn, ReportedStatus::Running, T).await;
    let main_id = runtime_id(&r, "main");
    let side_id = runtime_id(&r, "side");
    let main_started = s.started_at(&main_id).await;
    let side_started = s.started_at(&side_id).await;
    let victim_id = runtime_id(&rv, "main");
    let mut before = cleanup.container_ids();
    before.sort();
    assert_eq!(before.len(), 3);

    agent.stop().await;
    // Agent down: containers keep running, and one gets killed meanwhile.
    assert_eq!(
        s.rt.inspect(&main_id).await.expect("inspect").state,
        RunState::Running
    );
    let killed = std::process::Command::new("docker")
        .args(["kill", "--signal", "KILL", &victim_id])
        .output()
        .expect("docker kill");
    assert!(killed.status.success());
    s.control.clear_reports();

    let agent = s.start();
    let r = wait_status(&s.control, &t.task_arn, ReportedStatus::Running, T).await;
    assert_eq!(runtime_id(&r, "main"), main_id);
    assert_eq!(runtime_id(&r, "side"), side_id);
    let rv = wait_status(&s.control, &victim.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(rv.stop_code.as_deref(), Some("EssentialContainerExited"));
    assert_eq!(containers_by_name(&rv)["main"].exit_code, Some(137));

    // Let a couple of resyncs pass, then check nothing was recreated or restarted.
    let reports = s.control.rec().reports.len();
    wait_for("a few more reports", T, || async {
        s.control.rec().reports.len() >= reports + 5
    })
    .await;
    assert_eq!(
        s.started_at(&main_id).await,
        main_started,
        "main not restarted"
    );
    assert_eq!(
        s.started_at(&side_id).await,
        side_started,
        "side not restarted"
    );
    assert_eq!(
        s.rt.inspect(&victim_id).await.expect("inspect").state,
        RunState::Exited,
        "the killed container is not restarted"
    );
    let mut after = cleanup.container_ids();
    after.sort();
    assert_eq!(after, before, "no container created");
    assert_eq!(s.control.rec().registrations.len(), 1);
    agent.stop().await;
}
