//! `DockerRuntime` against the real Docker daemon: create/start with env, command and a
//! dynamic port that answers; stop honouring the timeout (SIGTERM, then SIGKILL);
//! health checks; labels; name conflicts; pull errors; events.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use berth_agent::runtime::{
    build_spec, ContainerSpec, EventKind, RunState, RuntimeEvent, SpecContext,
};
use berth_agent::{ContainerRuntime, DockerRuntime, RuntimeError};
use berth_api::ecs::{HealthCheck, HealthStatus, KeyValuePair, PortMapping};
use berth_api::protocol::labels;
use common::*;
use futures::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const RUN_LABEL: &str = "berth.test/run";

struct Fixture {
    rt: DockerRuntime,
    run: String,
    _cleanup: DockerCleanup,
}

async fn fixture() -> Option<Fixture> {
    if !docker_available() {
        return None;
    }
    let rt = DockerRuntime::connect().await.expect("connect to docker");
    let run = uuid::Uuid::new_v4().simple().to_string();
    Some(Fixture {
        rt,
        _cleanup: DockerCleanup::new(RUN_LABEL, &run),
        run,
    })
}

impl Fixture {
    fn spec(&self, name: &str, script: &str) -> ContainerSpec {
        ContainerSpec {
            name: format!("berth-test-{}-{name}", self.run),
            image: IMAGE.into(),
            command: Some(vec!["sh".into(), "-c".into(), script.into()]),
            network_mode: "bridge".into(),
            cpu_shares: 2,
            stop_timeout: Duration::from_secs(10),
            labels: BTreeMap::from([(RUN_LABEL.to_string(), self.run.clone())]),
            ..Default::default()
        }
    }

    async fn wait_state(&self, id: &str, want: RunState) {
        wait_for(
            &format!("{id} {want:?}"),
            Duration::from_secs(20),
            || async { self.rt.inspect(id).await.is_ok_and(|s| s.state == want) },
        )
        .await;
    }
}

#[tokio::test]
async fn create_start_env_ports_labels() {
    let Some(f) = fixture().await else { return };
    // Build the spec from an ECS definition, as the agent does.
    let mut def = container(
        "web",
        "mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 80 -h /www",
    );
    def.environment = Some(vec![KeyValuePair {
        name: Some("GREETING".into()),
        value: Some(format!("hello-{}", f.run)),
    }]);
    def.port_mappings = Some(vec![PortMapping {
        container_port: Some(80),
        ..Default::default()
    }]);
    def.docker_labels = Some(BTreeMap::from([(RUN_LABEL.to_string(), f.run.clone())]));
    def.memory = Some(64);
    let t = task("web", vec![def]);
    let ctx = SpecContext {
        instance_arn: "arn:test-instance",
        generation: 9,
        default_stop_timeout: Duration::from_secs(30),
        resources: &Default::default(),
        agent_env: berth_agent::runtime::AgentEnv::none(),
    };
    let spec = build_spec(&t, &t.containers[0], &ctx).expect("spec");
    let id = f.rt.create(&spec).await.expect("create");
    f.rt.start(&id).await.expect("start");
    f.wait_state(&id, RunState::Running).await;

    let st = f.rt.inspect(&id).await.expect("inspect");
    assert_eq!(st.name, spec.name);
    assert_eq!(st.labels[labels::TASK_ARN], t.task_arn);
    assert_eq!(st.labels[labels::CONTAINER_NAME], "web");
    assert_eq!(st.labels[labels::GENERATION], "9");
    assert_eq!(st.labels[labels::INSTANCE_ARN], "arn:test-instance");
    assert!(st.started_at.is_some());
    let binding = st
        .network_bindings
        .iter()
        .find(|b| b.bind_ip.as_deref() == Some("0.0.0.0"))
        .expect("an IPv4 binding");
    assert_eq!(binding.container_port, Some(80));
    let port = u16::try_from(binding.host_port.expect("dynamic host port")).expect("port");
    assert!(port > 0);

    // The dynamic port answers with the page built from the environment.
    let want = format!("hello-{}", f.run);
    wait_for("httpd answers", Duration::from_secs(20), || async {
        let Ok(mut s) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
            return false;
        };
        if s.write_all(b"GET / HTTP/1.0\r\n\r\n").await.is_err() {
            return false;
        }
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf).await;
        String::from_utf8_lossy(&buf).contains(&want)
    })
    .await;

    // Same name again: a conflict, never a duplicate.
    assert!(matches!(
        f.rt.create(&spec).await,
        Err(RuntimeError::Conflict(_))
    ));
    let listed = f.rt.list(RUN_LABEL, &f.run).await.expect("list");
    assert_eq!(listed.len(), 1);

    f.rt.remove(&id).await.expect("remove");
    assert!(matches!(
        f.rt.inspect(&id).await,
        Err(RuntimeError::NotFound(_))
    ));
}

#[tokio::test]
async fn stop_sends_sigterm_then_sigkill_after_timeout() {
    let Some(f) = fixture().await else { return };
    let stubborn =
        f.rt.create(&f.spec("stubborn", "trap '' TERM; while true; do sleep 0.2; done"))
            .await
            .expect("create");
    let polite =
        f.rt.create(&f.spec(
            "polite",
            "trap 'exit 0' TERM; while true; do sleep 0.2; done",
        ))
        .await
        .expect("create");
    for id in [&stubborn, &polite] {
        f.rt.start(id).await.expect("start");
        f.wait_state(id, RunState::Running).await;
    }
    let timeout = Duration::from_secs(3);

    let t0 = Instant::now();
    f.rt.stop(&polite, timeout).await.expect("stop");
    let polite_took = t0.elapsed();
    let st = f.rt.inspect(&polite).await.expect("inspect");
    assert_eq!((st.state, st.exit_code), (RunState::Exited, Some(0)));
    assert!(polite_took < Duration::from_secs(2), "took {polite_took:?}");
    assert!(st.finished_at.is_some());

    let t0 = Instant::now();
    f.rt.stop(&stubborn, timeout).await.expect("stop");
    let stubborn_took = t0.elapsed();
    let st = f.rt.inspect(&stubborn).await.expect("inspect");
    assert_eq!((st.state, st.exit_code), (RunState::Exited, Some(137)));
    assert!(
        stubborn_took >= Duration::from_millis(2900) && stubborn_took < Duration::from_secs(10),
        "took {stubborn_took:?}"
    );
    // Stopping a stopped container is fine.
    f.rt.stop(&stubborn, timeout).await.expect("stop again");
}

#[tokio::test]
async fn health_checks_and_events() {
    let Some(f) = fixture().await else { return };
    let mut events = f.rt.events(RUN_LABEL, &f.run);
    let mut healthy = f.spec("healthy", "exec sleep 1000");
    let mut unhealthy = f.spec("unhealthy", "exec sleep 1000");
    let mut def = container("x", "");
    def.health_check = Some(HealthCheck {
        command: vec!["CMD-SHELL".into(), "true".into()],
        interval: Some(1),
        timeout: Some(2),
        retries: Some(1),
        start_period: None,
    });
    let t = task("h", vec![def.clone()]);
    let ctx = SpecContext {
        instance_arn: "i",
        generation: 1,
        default_stop_timeout: Duration::from_secs(1),
        resources: &Default::default(),
        agent_env: berth_agent::runtime::AgentEnv::none(),
    };
    healthy.health_check = build_spec(&t, &t.containers[0], &ctx)
        .expect("spec")
        .health_check;
    let mut hc = healthy.health_check.clone().expect("hc");
    hc.test = vec!["CMD-SHELL".into(), "false".into()];
    unhealthy.health_check = Some(hc);
    healthy.stop_timeout = Duration::from_secs(1);
    unhealthy.stop_timeout = Duration::from_secs(1);

    let h = f.rt.create(&healthy).await.expect("create");
    let u = f.rt.create(&unhealthy).await.expect("create");
    f.rt.start(&h).await.expect("start");
    f.rt.start(&u).await.expect("start");
    wait_for("healthy", Duration::from_secs(30), || async {
        f.rt.inspect(&h)
            .await
            .is_ok_and(|s| s.health == Some(HealthStatus::Healthy))
    })
    .await;
    wait_for("unhealthy", Duration::from_secs(30), || async {
        f.rt.inspect(&u)
            .await
            .is_ok_and(|s| s.health == Some(HealthStatus::Unhealthy))
    })
    .await;
    f.rt.stop(&h, Duration::from_secs(1)).await.expect("stop");

    // start, health and die events arrived for the healthy container.
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !(seen.contains(&EventKind::Start)
        && seen.contains(&EventKind::Health)
        && seen.contains(&EventKind::Die))
    {
        let ev = tokio::time::timeout_at(deadline, events.next())
            .await
            .expect("events before the deadline")
            .expect("stream open");
        if let RuntimeEvent::Container { id, kind, .. } = ev {
            if id == h {
                seen.push(kind);
            }
        }
    }
}

#[tokio::test]
async fn pull_failure_is_reported() {
    let Some(f) = fixture().await else { return };
    // A registry on a closed local port: fails fast, never touches the internet.
    let image = "127.0.0.1:1/berth-none/missing:latest";
    assert_eq!(f.rt.image(image).await.expect("image"), None);
    let err = f.rt.pull(image, None).await.expect_err("pull fails");
    assert!(matches!(err, RuntimeError::ImagePull(_)), "{err:?}");
    assert!(f.rt.image(IMAGE).await.expect("image").is_some());
    let info = f.rt.info().await.expect("info");
    assert!(info.cpu_units >= 1024 && info.memory_mib > 0);
    assert!(info.version.starts_with("DockerVersion: "));
}
