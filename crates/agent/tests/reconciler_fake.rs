//! The reconciler's logic over the in-memory `FakeRuntime`: lifecycle, failures,
//! dependencies, stop order, authority of the server's set, cleanup, re-registration,
//! an unreachable server, and a thousand tasks at once.

mod common;

use std::sync::Arc;
use std::time::Duration;

use berth_agent::fake::{EXIT_AFTER_MS, EXIT_CODE, IGNORE_SIGTERM};
use berth_agent::runtime::RunState;
use berth_agent::{ContainerRuntime, FakeConfig, FakeRuntime};
use berth_api::ecs::{
    ContainerCondition, ContainerDependency, HealthCheck, HealthStatus, PortMapping,
};
use berth_api::protocol::{labels, ReportedStatus};
use common::*;

const T: Duration = Duration::from_secs(10);

fn fake() -> Arc<FakeRuntime> {
    Arc::new(FakeRuntime::new(FakeConfig {
        images: vec![IMAGE.into()],
        ..Default::default()
    }))
}

fn depends(name: &str, condition: ContainerCondition) -> Option<Vec<ContainerDependency>> {
    Some(vec![ContainerDependency {
        container_name: name.into(),
        condition,
    }])
}

async fn container_of(
    fake: &FakeRuntime,
    arn: &str,
    name: &str,
) -> berth_agent::runtime::ContainerStatus {
    fake.containers()
        .into_iter()
        .find(|c| {
            c.labels.get(labels::TASK_ARN).map(String::as_str) == Some(arn)
                && c.labels.get(labels::CONTAINER_NAME).map(String::as_str) == Some(name)
        })
        .unwrap_or_else(|| panic!("no container {name} of {arn}"))
}

#[tokio::test]
async fn lifecycle_pull_run_and_user_stop() {
    init_tracing();
    // The image is absent, so the task pulls it first.
    let fake = Arc::new(FakeRuntime::new(FakeConfig {
        pull_delay: Duration::from_millis(50),
        ..Default::default()
    }));
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());

    let mut web = container("web", "");
    // Stopping takes the whole stop timeout, so STOPPING is observable: the reporter
    // coalesces reports of a task, and a fast stop would go straight to STOPPED.
    web.docker_labels = Some([(IGNORE_SIGTERM.to_string(), "true".to_string())].into());
    web.stop_timeout = Some(1);
    web.port_mappings = Some(vec![PortMapping {
        container_port: Some(80),
        ..Default::default()
    }]);
    let t = task("web", vec![web]);
    control.set_tasks(vec![t.clone()]);

    let running = wait_status(&control, &t.task_arn, ReportedStatus::Running, T).await;
    assert!(running.pull_started_at.is_some() && running.pull_stopped_at.is_some());
    assert!(running.started_at.is_some());
    let c = &running.containers[0];
    assert_eq!(c.last_status, ReportedStatus::Running);
    assert!(c.runtime_id.is_some());
    assert_eq!(c.network_bindings.len(), 1);
    assert!(c.network_bindings[0].host_port.is_some_and(|p| p > 0));
    assert_eq!(control.statuses(&t.task_arn)[0], ReportedStatus::Pending);
    assert_eq!(fake.stats().pulls, 1);

    control.stop_task(&t.task_arn, "UserInitiated", "stopped by test");
    let stopped = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(stopped.stop_code.as_deref(), Some("UserInitiated"));
    assert_eq!(stopped.stopped_reason.as_deref(), Some("stopped by test"));
    assert!(stopped.stopping_at.is_some() && stopped.execution_stopped_at.is_some());
    assert_eq!(
        control.statuses(&t.task_arn),
        vec![
            ReportedStatus::Pending,
            ReportedStatus::Running,
            ReportedStatus::Stopping,
            ReportedStatus::Stopped
        ]
    );
    assert_eq!(stopped.containers[0].last_status, ReportedStatus::Stopped);
    assert_eq!(stopped.containers[0].exit_code, Some(137));
    agent.stop().await;
}

#[tokio::test]
async fn pull_failure_fails_the_task() {
    let fake = Arc::new(FakeRuntime::default());
    fake.fail_pulls("nope:latest", "manifest unknown");
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut def = container("app", "");
    def.image = Some("nope:latest".into());
    let t = task("bad", vec![def]);
    control.set_tasks(vec![t.clone()]);
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("TaskFailedToStart"));
    assert_eq!(
        r.stopped_reason.as_deref(),
        Some("CannotPullContainerError: manifest unknown")
    );
    assert_eq!(
        r.containers[0].reason.as_deref(),
        Some("CannotPullContainerError: manifest unknown")
    );
    assert_eq!(fake.stats().creates, 0);
    agent.stop().await;
}

#[tokio::test]
async fn essential_exit_stops_task_but_sidecar_exit_does_not() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut sidecar = container("sidecar", "");
    sidecar.essential = Some(false);
    let t = task("app", vec![container("main", ""), sidecar]);
    control.set_tasks(vec![t.clone()]);
    wait_status(&control, &t.task_arn, ReportedStatus::Running, T).await;

    let side = container_of(&fake, &t.task_arn, "sidecar").await;
    fake.exit(&side.id, 0).expect("exit sidecar");
    wait_for("sidecar reported stopped", T, || async {
        control.latest(&t.task_arn).is_some_and(|r| {
            containers_by_name(&r)["sidecar"].last_status == ReportedStatus::Stopped
        })
    })
    .await;
    let r = control.latest(&t.task_arn).expect("report");
    assert_eq!(r.last_status, ReportedStatus::Running);
    assert_eq!(containers_by_name(&r)["sidecar"].exit_code, Some(0));

    let main = container_of(&fake, &t.task_arn, "main").await;
    fake.exit(&main.id, 3).expect("exit main");
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("EssentialContainerExited"));
    assert_eq!(
        r.stopped_reason.as_deref(),
        Some("Essential container in task exited")
    );
    assert_eq!(containers_by_name(&r)["main"].exit_code, Some(3));
    agent.stop().await;
}

#[tokio::test]
async fn automatic_exit_from_labels() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut def = container("job", "");
    def.docker_labels = Some(
        [
            (EXIT_AFTER_MS.to_string(), "100".to_string()),
            (EXIT_CODE.to_string(), "7".to_string()),
        ]
        .into(),
    );
    let t = task("job", vec![def]);
    control.set_tasks(vec![t.clone()]);
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.containers[0].exit_code, Some(7));
    assert_eq!(r.stop_code.as_deref(), Some("EssentialContainerExited"));
    agent.stop().await;
}

#[tokio::test]
async fn depends_on_healthy_waits_for_health() {
    let fake = Arc::new(FakeRuntime::new(FakeConfig {
        images: vec![IMAGE.into()],
        healthy_after: None,
        ..Default::default()
    }));
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut db = container("db", "");
    db.health_check = Some(HealthCheck {
        command: vec!["CMD-SHELL".into(), "true".into()],
        ..Default::default()
    });
    let mut app = container("app", "");
    app.depends_on = depends("db", ContainerCondition::Healthy);
    let t = task("app", vec![db, app]);
    control.set_tasks(vec![t.clone()]);

    wait_for("db running", T, || async {
        control
            .latest(&t.task_arn)
            .is_some_and(|r| containers_by_name(&r)["db"].last_status == ReportedStatus::Running)
    })
    .await;
    let r = control.latest(&t.task_arn).expect("report");
    assert_eq!(r.last_status, ReportedStatus::Pending);
    assert_eq!(
        containers_by_name(&r)["app"].last_status,
        ReportedStatus::Pending
    );
    assert_eq!(
        container_of(&fake, &t.task_arn, "app").await.state,
        RunState::Created
    );

    let db_id = container_of(&fake, &t.task_arn, "db").await.id;
    fake.set_health(&db_id, HealthStatus::Healthy)
        .expect("health");
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Running, T).await;
    assert_eq!(r.health_status, Some(HealthStatus::Healthy));
    fake.set_health(&db_id, HealthStatus::Unhealthy)
        .expect("health");
    wait_for("task unhealthy", T, || async {
        control
            .latest(&t.task_arn)
            .is_some_and(|r| r.health_status == Some(HealthStatus::Unhealthy))
    })
    .await;
    // An unhealthy container does not stop the task: that is the service's decision.
    assert_eq!(
        control.latest(&t.task_arn).map(|r| r.last_status),
        Some(ReportedStatus::Running)
    );
    agent.stop().await;
}

#[tokio::test]
async fn unmet_dependency_fails_the_task() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut init = container("init", "");
    init.essential = Some(false);
    let mut app = container("app", "");
    app.depends_on = depends("init", ContainerCondition::Success);
    let t = task("app", vec![init, app]);
    control.set_tasks(vec![t.clone()]);
    wait_for("init running", T, || async {
        fake.containers().iter().any(|c| {
            c.labels.get(labels::CONTAINER_NAME).map(String::as_str) == Some("init")
                && c.state == RunState::Running
        })
    })
    .await;
    fake.exit(&container_of(&fake, &t.task_arn, "init").await.id, 1)
        .expect("exit");
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("TaskFailedToStart"));
    assert!(
        r.stopped_reason
            .as_deref()
            .is_some_and(|s| s.contains("init exited with code 1")),
        "{r:?}"
    );
    // The dependent never ran.
    assert_eq!(
        container_of(&fake, &t.task_arn, "app").await.started_at,
        None
    );
    agent.stop().await;
}

#[tokio::test]
async fn dependency_timeout_fails_the_task() {
    let fake = Arc::new(FakeRuntime::new(FakeConfig {
        images: vec![IMAGE.into()],
        healthy_after: None,
        ..Default::default()
    }));
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut db = container("db", "");
    db.health_check = Some(HealthCheck {
        command: vec!["CMD-SHELL".into(), "true".into()],
        ..Default::default()
    });
    db.start_timeout = Some(1);
    let mut app = container("app", "");
    app.depends_on = depends("db", ContainerCondition::Healthy);
    let t = task("app", vec![db, app]);
    control.set_tasks(vec![t.clone()]);
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("TaskFailedToStart"));
    assert!(r
        .stopped_reason
        .as_deref()
        .is_some_and(|s| s.contains("timed out")));
    // db was running and got stopped.
    assert_eq!(
        container_of(&fake, &t.task_arn, "db").await.state,
        RunState::Exited
    );
    agent.stop().await;
}

#[tokio::test]
async fn stop_order_is_reverse_dependency_order() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let db = container("db", "");
    let mut app = container("app", "");
    app.depends_on = depends("db", ContainerCondition::Start);
    let t = task("app", vec![db, app]);
    control.set_tasks(vec![t.clone()]);
    wait_status(&control, &t.task_arn, ReportedStatus::Running, T).await;
    let db_c = container_of(&fake, &t.task_arn, "db").await;
    let app_c = container_of(&fake, &t.task_arn, "app").await;
    assert!(db_c.started_at <= app_c.started_at);
    control.stop_task(&t.task_arn, "UserInitiated", "bye");
    wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    let db_c = container_of(&fake, &t.task_arn, "db").await;
    let app_c = container_of(&fake, &t.task_arn, "app").await;
    assert!(
        app_c.finished_at <= db_c.finished_at,
        "app must stop before the db it depends on"
    );
    agent.stop().await;
}

#[tokio::test]
async fn tasks_leaving_the_set_are_stopped_then_cleaned_up() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cfg = config(dir.path());
    cfg.task_cleanup_wait = Duration::from_millis(300);
    let agent = Agent::start(cfg, fake.clone(), control.clone());
    let t = task("app", vec![container("main", "")]);
    control.set_tasks(vec![t.clone()]);
    wait_status(&control, &t.task_arn, ReportedStatus::Running, T).await;
    // The server forgets the task without asking for STOPPED first.
    control.set_tasks(vec![]);
    wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    wait_for("containers removed", T, || async {
        fake.containers().is_empty()
    })
    .await;
    assert_eq!(fake.stats().removes, 1);
    agent.stop().await;
}

#[tokio::test]
async fn restart_adopts_and_server_set_is_authoritative() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let keep = task("keep", vec![container("main", "")]);
    let drop = task("drop", vec![container("main", "")]);
    control.set_tasks(vec![keep.clone(), drop.clone()]);
    wait_status(&control, &keep.task_arn, ReportedStatus::Running, T).await;
    wait_status(&control, &drop.task_arn, ReportedStatus::Running, T).await;
    agent.stop().await;
    let before = fake.stats();

    // While the agent is down the server drops one task.
    control.set_tasks(vec![keep.clone()]);
    control.clear_reports();
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    wait_status(&control, &keep.task_arn, ReportedStatus::Running, T).await;
    wait_for("dropped task's container stopped", T, || async {
        container_of(&fake, &drop.task_arn, "main").await.state == RunState::Exited
    })
    .await;
    let after = fake.stats();
    assert_eq!(after.creates, before.creates, "no container created again");
    assert_eq!(after.starts, before.starts, "no container restarted");
    assert_eq!(
        container_of(&fake, &keep.task_arn, "main").await.state,
        RunState::Running
    );
    assert_eq!(control.rec().registrations.len(), 1, "identity reused");
    agent.stop().await;
}

#[tokio::test]
async fn rejected_credential_registers_again() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let first = instance_arn(dir.path()).await;
    // The server forgets every credential.
    control.rec().valid_credentials.clear();
    wait_for("second registration", T, || async {
        control.rec().registrations.len() == 2
    })
    .await;
    let ledger = berth_agent::Ledger::open(dir.path()).expect("ledger");
    wait_for("new identity stored", T, || async {
        ledger
            .load_identity()
            .ok()
            .flatten()
            .is_some_and(|i| i.container_instance_arn != first)
    })
    .await;
    let reg = control.rec().registrations[0].clone();
    assert!(reg
        .attributes
        .iter()
        .any(|(k, v)| k == "ecs.os-type" && v.as_deref() == Some("linux")));
    assert_eq!(reg.resources.cpu, 4096);
    agent.stop().await;
}

#[tokio::test]
async fn unreachable_server_keeps_containers_and_reports_later() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let mut job = container("job", "");
    job.docker_labels = Some([(EXIT_AFTER_MS.to_string(), "500".to_string())].into());
    let t = task("job", vec![container("main", ""), job]);
    let t2 = task("steady", vec![container("main", "")]);
    control.set_tasks(vec![t.clone(), t2.clone()]);
    wait_status(&control, &t2.task_arn, ReportedStatus::Running, T).await;
    control.rec().down = true;
    // The job exits while the server is down; the task stops locally.
    wait_for("task stopped locally", T, || async {
        container_of(&fake, &t.task_arn, "main").await.state == RunState::Exited
    })
    .await;
    // Healthy containers are left alone while the server is unreachable.
    assert_eq!(
        container_of(&fake, &t2.task_arn, "main").await.state,
        RunState::Running
    );
    control.rec().down = false;
    let r = wait_status(&control, &t.task_arn, ReportedStatus::Stopped, T).await;
    assert_eq!(r.stop_code.as_deref(), Some("EssentialContainerExited"));
    agent.stop().await;
}

#[tokio::test]
async fn heartbeats_flow_when_idle() {
    let fake = fake();
    let control = TestControl::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    wait_for("three heartbeats", T, || async {
        control
            .rec()
            .reports
            .iter()
            .filter(|r| r.tasks.is_empty())
            .count()
            >= 3
    })
    .await;
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_tasks() {
    let fake = fake();
    let control = TestControl::new();
    // Acknowledged after a few milliseconds, as a durable commit is: reports that queue
    // meanwhile must go out together, however the machine schedules the runners.
    control.rec().report_latency = Duration::from_millis(5);
    let dir = tempfile::tempdir().expect("tempdir");
    let agent = Agent::start(config(dir.path()), fake.clone(), control.clone());
    let tasks: Vec<_> = (0..1000)
        .map(|i| task(&format!("f{i}"), vec![container("main", "")]))
        .collect();
    control.set_tasks(tasks.clone());
    wait_for("1000 tasks running", Duration::from_secs(60), || async {
        let rec = control.rec();
        let mut running = std::collections::HashSet::new();
        for r in rec.reports.iter().flat_map(|r| r.tasks.iter()) {
            if r.last_status == ReportedStatus::Running {
                running.insert(r.task_arn.clone());
            }
        }
        running.len() == 1000
    })
    .await;
    assert_eq!(fake.stats().creates, 1000);
    assert!(
        control.rec().reports.iter().any(|r| r.tasks.len() > 1),
        "reports are batched"
    );
    agent.stop().await;
    let listed = fake.list(labels::CLUSTER, "test").await.expect("list");
    assert_eq!(listed.len(), 1000);
}
