//! Shared pieces of the load balancer's tests: real HTTP backends on loopback, builders
//! for configurations, a load balancer on a free port, and polling with a ceiling.

#![allow(dead_code)]

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use berth_api::lb::{
    Action, HealthCheck, HealthCheckPort, HealthSnapshot, LbConfig, Listener, LoadBalancer,
    LoadBalancerType, Protocol, Rule, Target, TargetGroup, TargetGroupAttributes,
    TargetHealthState, TargetState, WeightedTargetGroup,
};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tokio_util::sync::CancellationToken;

pub use berth_testkit::wait_for;

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real HTTP/1.1 server on loopback that answers with its name.
///
/// - `/health` answers `health_status` (200 at first);
/// - `/slow` waits until `release` is notified (its in-flight count is `slow_waiting`);
/// - `/headers` answers the request's headers, one `name: value` per line;
/// - an `Upgrade` request gets 101 and then every byte echoed back;
/// - anything else answers the name (`x-backend` header and body).
///
/// `hits` counts every request but health checks.
pub struct Backend {
    pub name: String,
    pub address: SocketAddr,
    pub hits: AtomicUsize,
    pub health_status: AtomicU16,
    pub slow_waiting: AtomicUsize,
    pub release: Notify,
    pub paths: Mutex<HashMap<String, usize>>,
    /// Connections accepted (health checks included).
    pub connections: AtomicUsize,
    stop: CancellationToken,
}

impl Backend {
    pub async fn start(name: &str) -> Arc<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let backend = Arc::new(Self {
            name: name.into(),
            address: listener.local_addr().unwrap(),
            hits: AtomicUsize::new(0),
            health_status: AtomicU16::new(200),
            slow_waiting: AtomicUsize::new(0),
            release: Notify::new(),
            paths: Mutex::default(),
            connections: AtomicUsize::new(0),
            stop: CancellationToken::new(),
        });
        let server = backend.clone();
        tokio::spawn(async move {
            loop {
                let (stream, _) = tokio::select! {
                    accepted = listener.accept() => match accepted {
                        Ok(accepted) => accepted,
                        Err(_) => continue,
                    },
                    _ = server.stop.cancelled() => return,
                };
                server.connections.fetch_add(1, Ordering::SeqCst);
                let backend = server.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| backend.clone().serve(request));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .with_upgrades()
                        .await;
                });
            }
        });
        backend
    }

    /// Stops accepting (connections to it are then refused). Open connections stay.
    pub fn stop(&self) {
        self.stop.cancel();
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    pub fn set_health(&self, status: u16) {
        self.health_status.store(status, Ordering::SeqCst);
    }

    async fn serve(
        self: Arc<Self>,
        mut request: Request<Incoming>,
    ) -> Result<Response<Full<Bytes>>, Infallible> {
        let path = request.uri().path().to_owned();
        if path == "/health" {
            let status = self.health_status.load(Ordering::SeqCst);
            let mut response = Response::new(Full::new(Bytes::from_static(b"health")));
            *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap();
            return Ok(response);
        }
        self.hits.fetch_add(1, Ordering::SeqCst);
        *self.paths.lock().unwrap().entry(path.clone()).or_default() += 1;
        if request.headers().contains_key(hyper::header::UPGRADE) {
            let upgrade = hyper::upgrade::on(&mut request);
            tokio::spawn(async move {
                if let Ok(upgraded) = upgrade.await {
                    let mut io = TokioIo::new(upgraded);
                    let mut buf = [0u8; 1024];
                    loop {
                        match io.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => {
                                if io.write_all(&buf[..n]).await.is_err() {
                                    return;
                                }
                            }
                        }
                    }
                }
            });
            let response = Response::builder()
                .status(101)
                .header("connection", "upgrade")
                .header("upgrade", "echo")
                .body(Full::new(Bytes::new()))
                .unwrap();
            return Ok(response);
        }
        let body = match path.as_str() {
            "/slow" => {
                let released = self.release.notified();
                self.slow_waiting.fetch_add(1, Ordering::SeqCst);
                released.await;
                self.slow_waiting.fetch_sub(1, Ordering::SeqCst);
                self.name.clone()
            }
            "/headers" => request
                .headers()
                .iter()
                .map(|(name, value)| format!("{name}: {}\n", value.to_str().unwrap_or("?")))
                .collect(),
            _ => {
                // Drain a request body so that PUT and POST work.
                let _ = request.into_body().collect().await;
                self.name.clone()
            }
        };
        let response = Response::builder()
            .header("x-backend", &self.name)
            .body(Full::new(Bytes::from(body)))
            .unwrap();
        Ok(response)
    }
}

/// A target group over the backends with fast health checks (`/health` every 100 ms,
/// two to turn healthy or unhealthy).
pub fn http_group(arn: &str, backends: &[&Arc<Backend>]) -> TargetGroup {
    TargetGroup {
        arn: arn.into(),
        name: arn.into(),
        protocol: Protocol::Http,
        targets: backends
            .iter()
            .map(|backend| Target {
                ip: backend.address.ip(),
                port: backend.address.port(),
                state: TargetState::Registered,
            })
            .collect(),
        health_check: HealthCheck {
            enabled: true,
            protocol: Protocol::Http,
            path: "/health".into(),
            port: HealthCheckPort::TrafficPort,
            interval_ms: 100,
            timeout_ms: 80,
            healthy_threshold: 2,
            unhealthy_threshold: 2,
            matcher: "200-299".into(),
        },
        attributes: TargetGroupAttributes::default(),
    }
}

pub fn forward(arn: &str) -> Action {
    Action::Forward {
        target_groups: vec![WeightedTargetGroup {
            target_group_arn: arn.into(),
            weight: 1,
        }],
        stickiness: None,
    }
}

pub fn http_listener(port: u16, default_action: Action, rules: Vec<Rule>) -> Listener {
    Listener {
        arn: format!("listener-{port}"),
        port,
        protocol: Protocol::Http,
        certificates: vec![],
        default_action,
        rules,
    }
}

pub fn application(listeners: Vec<Listener>) -> LoadBalancer {
    LoadBalancer {
        arn: "lb-app".into(),
        name: "app".into(),
        kind: LoadBalancerType::Application,
        address: "127.0.0.1".parse().unwrap(),
        idle_timeout_ms: 60_000,
        listeners,
    }
}

/// One HTTP listener on `port` whose default action forwards to `group`.
pub fn single(port: u16, group: TargetGroup) -> LbConfig {
    let action = forward(&group.arn);
    config(
        1,
        vec![application(vec![http_listener(port, action, vec![])])],
        vec![group],
    )
}

pub fn config(
    generation: u64,
    load_balancers: Vec<LoadBalancer>,
    target_groups: Vec<TargetGroup>,
) -> LbConfig {
    LbConfig {
        generation,
        load_balancers,
        target_groups,
    }
}

/// A load balancer with its health channel.
pub struct TestLb {
    pub lb: berth_lb::LoadBalancer,
    pub health: watch::Receiver<HealthSnapshot>,
}

impl TestLb {
    pub fn start(config: &LbConfig) -> Self {
        Self::start_with(config, berth_lb::Limits::default())
    }

    pub fn start_with(config: &LbConfig, limits: berth_lb::Limits) -> Self {
        let (sender, health) = watch::channel(HealthSnapshot::default());
        let lb = berth_lb::LoadBalancer::new(limits, sender);
        lb.apply(config).expect("the configuration is valid");
        Self { lb, health }
    }

    /// The ELB state of a target.
    pub fn state(&self, group: &str, backend: &Backend) -> Option<TargetHealthState> {
        self.lb
            .snapshot()
            .target_groups
            .iter()
            .find(|g| g.target_group_arn == group)?
            .targets
            .iter()
            .find(|t| t.ip == backend.address.ip() && t.port == backend.address.port())
            .map(|t| t.state)
    }

    /// Waits until each backend of the group is in `state`.
    pub async fn wait_state(
        &self,
        group: &str,
        backends: &[&Arc<Backend>],
        state: TargetHealthState,
    ) {
        wait_for(
            &format!("{group}'s targets to be {state:?}"),
            Duration::from_secs(10),
            || async {
                backends
                    .iter()
                    .all(|backend| self.state(group, backend) == Some(state))
                    .then_some(())
            },
        )
        .await
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// GETs `path` on the load balancer's port and returns (status, x-backend, body).
/// `count` requests for `/slow` (held by the backend until released), each on its own task.
pub fn spawn_slow_gets(
    client: &reqwest::Client,
    port: u16,
    count: usize,
) -> Vec<tokio::task::JoinHandle<(u16, String, String)>> {
    (0..count)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { get(&client, port, "/slow").await })
        })
        .collect()
}

pub async fn get(client: &reqwest::Client, port: u16, path: &str) -> (u16, String, String) {
    let response = client
        .get(format!("http://127.0.0.1:{port}{path}"))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let backend = response
        .headers()
        .get("x-backend")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, backend, response.text().await.unwrap())
}
