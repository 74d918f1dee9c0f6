//! `berth lb --config FILE` as a user runs it: a separate process serving a JSON
//! configuration, reloading it when the file changes and on SIGHUP, keeping the running
//! configuration when the file is broken, writing health snapshots to `--health-file`,
//! and serving again on the same port after a `kill -9` and a restart.
//!
//! The backends are in-process hyper servers on loopback; requests go through reqwest.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use berth_api::lb::{
    Action, Condition, FixedResponse, HealthCheck, HealthCheckPort, HealthSnapshot, LbConfig,
    Listener, LoadBalancer, LoadBalancerType, Protocol, Rule, Target, TargetGroup,
    TargetGroupAttributes, TargetHealthState, TargetState, WeightedTargetGroup,
};
use berth_testkit::wait_for;
use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

/// A backend answering every request with its name (health checks included).
async fn backend(name: &'static str) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a backend port");
    let address = listener.local_addr().expect("the backend's address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let service = service_fn(move |_request| async move {
                    Ok::<_, Infallible>(hyper::Response::new(Full::new(Bytes::from(name))))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    address
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// One HTTP listener on `port` forwarding to one group of `targets`, plus `rules`.
fn config(generation: u64, port: u16, targets: &[SocketAddr], rules: Vec<Rule>) -> LbConfig {
    LbConfig {
        generation,
        load_balancers: vec![LoadBalancer {
            arn: "lb".into(),
            name: "web".into(),
            kind: LoadBalancerType::Application,
            address: "127.0.0.1".parse().expect("an address"),
            idle_timeout_ms: 10_000,
            listeners: vec![Listener {
                arn: "listener".into(),
                port,
                protocol: Protocol::Http,
                certificates: vec![],
                default_action: Action::Forward {
                    target_groups: vec![WeightedTargetGroup {
                        target_group_arn: "tg".into(),
                        weight: 1,
                    }],
                    stickiness: None,
                },
                rules,
            }],
        }],
        target_groups: vec![TargetGroup {
            arn: "tg".into(),
            name: "web".into(),
            protocol: Protocol::Http,
            targets: targets
                .iter()
                .map(|address| Target {
                    ip: address.ip(),
                    port: address.port(),
                    state: TargetState::Registered,
                })
                .collect(),
            health_check: HealthCheck {
                enabled: true,
                protocol: Protocol::Http,
                path: "/health".into(),
                port: HealthCheckPort::TrafficPort,
                interval_ms: 100,
                timeout_ms: 50,
                healthy_threshold: 1,
                unhealthy_threshold: 2,
                matcher: "200".into(),
            },
            attributes: TargetGroupAttributes::default(),
        }],
    }
}

fn fixed_rule(path: &str, body: &str) -> Rule {
    Rule {
        arn: "rule".into(),
        priority: 1,
        conditions: vec![Condition::PathPattern {
            values: vec![path.into()],
        }],
        action: Action::FixedResponse(FixedResponse {
            status_code: 200,
            content_type: Some("text/plain".into()),
            message_body: Some(body.into()),
        }),
    }
}

/// Replaces the file whole, as an editor or the control plane would.
fn write(path: &Path, config: &LbConfig) {
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, serde_json::to_vec(config).expect("JSON")).expect("writing");
    std::fs::rename(&temp, path).expect("renaming");
}

/// `berth lb`, killed with SIGKILL when dropped.
struct LbProcess {
    child: Mutex<Child>,
    log: PathBuf,
}

impl LbProcess {
    fn start(config: &Path, health: &Path, log_path: &Path) -> Self {
        let log = std::fs::File::create(log_path).expect("a log file");
        let child = Command::new(env!("CARGO_BIN_EXE_berth"))
            .arg("lb")
            .arg("--config")
            .arg(config)
            .arg("--health-file")
            .arg(health)
            .args(["--threads", "1"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("a log file"))
            .stderr(log)
            .spawn()
            .expect("starting berth lb");
        Self {
            child: Mutex::new(child),
            log: log_path.to_owned(),
        }
    }

    /// Fails the test with the process's log if it has exited (for instance when the
    /// shared `target/debug/berth` is another branch's build, without `berth lb`).
    fn assert_running(&self) {
        let status = self.child.lock().unwrap().try_wait().expect("waiting");
        if let Some(status) = status {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            panic!("berth lb exited ({status}):\n{log}");
        }
    }

    /// Polls until `path` answers 200 with `want`.
    async fn wait_body(&self, client: &reqwest::Client, port: u16, path: &str, want: &str) {
        wait_for(
            &format!("{path} on port {port} to answer {want}"),
            Duration::from_secs(10),
            || async move {
                self.assert_running();
                (body_of(client, port, path).await.as_deref() == Some(want)).then_some(())
            },
        )
        .await;
    }

    fn signal(&self, signal: &str) {
        let pid = self.child.lock().unwrap().id();
        let status = Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success(), "kill {signal} failed");
    }

    fn kill9(self) {
        drop(self);
    }
}

impl Drop for LbProcess {
    fn drop(&mut self) {
        let child = self.child.get_mut().unwrap_or_else(|e| e.into_inner());
        let _ = child.kill();
        let _ = child.wait();
    }
}

async fn body_of(client: &reqwest::Client, port: u16, path: &str) -> Option<String> {
    let response = client
        .get(format!("http://127.0.0.1:{port}{path}"))
        .send()
        .await
        .ok()?;
    if response.status() != 200 {
        return None;
    }
    response.text().await.ok()
}

fn read_health(path: &Path) -> Option<HealthSnapshot> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

#[tokio::test]
async fn berth_lb_serves_a_config_file_and_reloads_it() {
    let a = backend("a").await;
    let b = backend("b").await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config_path: PathBuf = dir.path().join("lb.json");
    let health_path = dir.path().join("health.json");
    let log = dir.path().join("lb.log");
    let port = free_port();
    write(&config_path, &config(1, port, &[a], vec![]));
    let lb = LbProcess::start(&config_path, &health_path, &log);
    let client = reqwest::Client::new();

    // Generation 1 serves a, and its health reaches the health file.
    lb.wait_body(&client, port, "/", "a").await;
    wait_for(
        "a healthy in the health file",
        Duration::from_secs(10),
        || async {
            let health = read_health(&health_path)?;
            let target = health.target_groups.first()?.targets.first()?;
            (health.generation == 1 && target.state == TargetHealthState::Healthy).then_some(())
        },
    )
    .await;

    // A changed file is picked up on its own (checked every second): b replaces a.
    write(&config_path, &config(2, port, &[b], vec![]));
    lb.wait_body(&client, port, "/", "b").await;

    // A broken file is refused and the running configuration keeps serving…
    std::fs::write(&config_path, b"{ not json").expect("writing");
    lb.signal("-HUP");
    for _ in 0..20 {
        assert_eq!(body_of(&client, port, "/").await.as_deref(), Some("b"));
    }
    // …and a configuration that parses but fails validation is reported, not applied.
    let mut invalid = config(3, port, &[a], vec![fixed_rule("/x", "x")]);
    invalid.load_balancers[0].listeners[0].rules[0].priority = 0;
    write(&config_path, &invalid);
    lb.signal("-HUP");
    wait_for(
        "the refusal in the health file",
        Duration::from_secs(10),
        || async { read_health(&health_path)?.config_error },
    )
    .await;
    assert_eq!(body_of(&client, port, "/").await.as_deref(), Some("b"));

    // SIGHUP applies a good file at once, rules included.
    write(
        &config_path,
        &config(4, port, &[b], vec![fixed_rule("/fixed", "fixed")]),
    );
    lb.signal("-HUP");
    lb.wait_body(&client, port, "/fixed", "fixed").await;
    assert_eq!(body_of(&client, port, "/").await.as_deref(), Some("b"));

    // kill -9 and a restart: it serves again on the same port with the same targets.
    lb.kill9();
    let lb = LbProcess::start(&config_path, &health_path, &log);
    lb.wait_body(&client, port, "/", "b").await;
    lb.wait_body(&client, port, "/fixed", "fixed").await;
}
