//! berth's load balancer data plane.
//!
//! It serves what a [`berth_api::lb::LbConfig`] describes: application load balancers
//! (HTTP and HTTPS listeners with ELBv2 rules, forward / redirect / fixed-response
//! actions, weighted target groups, `AWSALB` stickiness, least outstanding requests,
//! WebSocket upgrades, HTTP/2 from clients) and network load balancers (TCP passthrough),
//! health-checks every target as ELB does, and reports ELB's target states in a
//! [`berth_api::lb::HealthSnapshot`].
//!
//! Tasks and channels:
//! - [`run`] takes configurations from a `watch` channel and applies each whole
//!   ([`LoadBalancer::apply`]); the newest always wins, and one that fails validation is
//!   reported in the snapshot while the previous one keeps serving.
//! - one accept loop per listening socket (`listener.rs`), one task per connection;
//!   requests are served by `proxy.rs` over per-target pools of idle connections
//!   (`upstream.rs`).
//! - one health checker per target (`health.rs`), one drain watcher per draining target.
//! - a publisher task turns every change of a target's state into a new snapshot on the
//!   health `watch` channel (bursts coalesced).
//!
//! Applying a configuration never drops a connection in flight: sockets that stay are
//! kept, a target group keeps its targets' state (and the pool keeps their connections)
//! while they stay, and a listener that goes away drains.

mod balancer;
mod health;
mod listener;
mod pattern;
mod proxy;
mod routes;
mod tls;
mod upstream;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use berth_api::lb::{
    Action, ConfigError, HealthSnapshot, LbConfig, ListenerError, LoadBalancerType, Protocol,
    TargetGroupHealth,
};
use tokio::sync::{watch, Notify, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::balancer::TargetGroupRuntime;
use crate::listener::{ListenerHandle, ListenerMode};
use crate::proxy::{HttpListenerState, HttpShared};
use crate::routes::RouteTable;
use crate::upstream::Upstream;

pub use crate::pattern::Pattern;

/// Bounds that keep a load balancer's memory and time finite under any input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Open client connections per listener; more wait in the backlog.
    pub max_connections_per_listener: usize,
    /// Requests waiting on targets per listener; more get 503 at once.
    pub max_pending_requests: usize,
    /// A request's headers (HTTP/1.1 buffer and HTTP/2 header list); more get 431.
    pub max_header_bytes: usize,
    pub max_streams_per_connection: u32,
    /// Connecting to a target (ELB's is 10 s); past it, 504 (or the retry).
    pub connect_timeout: Duration,
    pub tls_handshake_timeout: Duration,
    /// How long a removed listener, or the whole load balancer at shutdown, lets its
    /// connections finish.
    pub drain_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections_per_listener: 10_000,
            max_pending_requests: 10_000,
            max_header_bytes: 64 * 1024,
            max_streams_per_connection: 128,
            connect_timeout: Duration::from_secs(10),
            tls_handshake_timeout: Duration::from_secs(10),
            drain_grace: Duration::from_secs(30),
        }
    }
}

/// Failures of the load balancer as a whole (listener and target failures are reported
/// in the health snapshot instead).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the configuration channel closed")]
    ConfigChannelClosed,
}

/// Serves the configurations that arrive on `config` until `cancel`, publishing health
/// on `health`. The entry point for `berth lb` and the load balancer inside `berth dev`.
pub async fn run(
    mut config: watch::Receiver<Arc<LbConfig>>,
    health: watch::Sender<HealthSnapshot>,
    cancel: CancellationToken,
    limits: Limits,
) -> Result<(), Error> {
    let lb = LoadBalancer::new(limits, health);
    let result = loop {
        let current = config.borrow_and_update().clone();
        if let Err(err) = lb.apply(&current) {
            tracing::warn!(generation = current.generation, error = %err, "configuration refused");
        }
        tokio::select! {
            changed = config.changed() => {
                if changed.is_err() {
                    break Err(Error::ConfigChannelClosed);
                }
            }
            _ = cancel.cancelled() => break Ok(()),
        }
    };
    lb.shutdown().await;
    result
}

/// A load balancer data plane: apply configurations, read health.
#[derive(Debug, Clone)]
pub struct LoadBalancer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    limits: Limits,
    upstream: Upstream,
    target_tls: Arc<rustls::ClientConfig>,
    groups: Mutex<HashMap<String, Arc<TargetGroupRuntime>>>,
    /// Group ARNs in configuration order, for the snapshot.
    group_order: Mutex<Vec<String>>,
    listeners: Mutex<HashMap<SocketAddr, ListenerHandle>>,
    status: Mutex<Status>,
    changed: Arc<Notify>,
    health: watch::Sender<HealthSnapshot>,
    tasks: TaskTracker,
    /// Stops health checkers and the publisher at shutdown.
    shutdown: CancellationToken,
}

#[derive(Debug, Default)]
struct Status {
    generation: u64,
    listener_errors: Vec<ListenerError>,
    config_error: Option<String>,
}

impl LoadBalancer {
    /// A load balancer serving nothing yet. Needs a Tokio runtime.
    pub fn new(limits: Limits, health: watch::Sender<HealthSnapshot>) -> Self {
        let inner = Arc::new(Inner {
            limits,
            upstream: Upstream {
                connect_timeout: limits.connect_timeout,
                tls: tls::target_client_config(),
            },
            target_tls: tls::target_client_config(),
            groups: Mutex::default(),
            group_order: Mutex::default(),
            listeners: Mutex::default(),
            status: Mutex::default(),
            changed: Arc::new(Notify::new()),
            health,
            tasks: TaskTracker::new(),
            shutdown: CancellationToken::new(),
        });
        let publisher = inner.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = publisher.changed.notified() => {}
                    _ = publisher.shutdown.cancelled() => return,
                }
                publisher.publish();
            }
        });
        Self { inner }
    }

    /// The newest health snapshot.
    pub fn snapshot(&self) -> HealthSnapshot {
        self.inner.snapshot()
    }

    /// Applies a whole configuration. A configuration that fails validation changes
    /// nothing (the error is also in the snapshot); listeners that cannot be opened are
    /// reported in the snapshot and tried again at the next apply.
    pub fn apply(&self, config: &LbConfig) -> Result<(), ConfigError> {
        let inner = &self.inner;
        if let Err(err) = config.validate() {
            inner.lock_status().config_error = Some(err.to_string());
            inner.publish();
            return Err(err);
        }
        // Target groups first: listeners bind to their runtimes. A group's use is known
        // before its new targets' checkers start, so their first check is at once.
        let in_use = groups_in_use(config);
        let mut groups = inner.groups.lock().unwrap_or_else(|e| e.into_inner());
        let mut kept = HashSet::new();
        for group_config in &config.target_groups {
            kept.insert(group_config.arn.clone());
            let runtime = groups
                .entry(group_config.arn.clone())
                .or_insert_with(|| Arc::new(TargetGroupRuntime::new(group_config)))
                .clone();
            runtime
                .in_use
                .store(in_use.contains(&group_config.arn), Ordering::Relaxed);
            let changes = runtime.update(group_config);
            for target in changes.added {
                inner.tasks.spawn(health::run_checker(
                    runtime.clone(),
                    target,
                    inner.changed.clone(),
                    inner.target_tls.clone(),
                ));
            }
            for target in changes.draining {
                inner.tasks.spawn(target.drain(inner.changed.clone()));
            }
        }
        groups.retain(|arn, runtime| {
            let keep = kept.contains(arn);
            if !keep {
                runtime.shut_down();
            }
            keep
        });
        *inner.group_order.lock().unwrap_or_else(|e| e.into_inner()) = config
            .target_groups
            .iter()
            .map(|group| group.arn.clone())
            .collect();
        let lookup = |arn: &str| groups.get(arn).cloned();

        let mut listener_errors = Vec::new();
        let mut wanted = HashSet::new();
        let mut listeners = inner.listeners.lock().unwrap_or_else(|e| e.into_inner());
        for lb in &config.load_balancers {
            let idle_timeout = Duration::from_millis(lb.idle_timeout_ms);
            for listener in &lb.listeners {
                let address = SocketAddr::new(lb.address, listener.port);
                wanted.insert(address);
                let mode = match (lb.kind, listener.protocol) {
                    (LoadBalancerType::Network, _) | (_, Protocol::Tcp) => {
                        let Action::Forward { target_groups, .. } = &listener.default_action else {
                            continue;
                        };
                        let Some(group) = target_groups
                            .first()
                            .and_then(|g| lookup(&g.target_group_arn))
                        else {
                            continue;
                        };
                        ListenerMode::Tcp {
                            group,
                            idle_timeout,
                        }
                    }
                    _ => {
                        let tls = if listener.protocol == Protocol::Https {
                            match tls::server_config(&listener.certificates) {
                                Ok(config) => Some(config),
                                Err(message) => {
                                    listener_errors.push(ListenerError {
                                        listener_arn: listener.arn.clone(),
                                        port: listener.port,
                                        message,
                                    });
                                    continue;
                                }
                            }
                        } else {
                            None
                        };
                        let routes = RouteTable::compile(listener, &lookup);
                        let state = HttpListenerState::new(routes, idle_timeout);
                        // Keep the listener's pending-request budget across changes.
                        let shared = match listeners.get(&address).map(|h| h.mode.load_full()) {
                            Some(mode) => match mode.as_ref() {
                                ListenerMode::Http { shared, .. } => {
                                    shared.state.store(Arc::new(state));
                                    shared.clone()
                                }
                                ListenerMode::Tcp { .. } => self.http_shared(state),
                            },
                            None => self.http_shared(state),
                        };
                        ListenerMode::Http { shared, tls }
                    }
                };
                match listeners.get_mut(&address) {
                    Some(handle) => {
                        handle.arn = listener.arn.clone();
                        handle.mode.store(Arc::new(mode));
                    }
                    None => match listener::bind(address) {
                        Ok(socket) => {
                            let handle = ListenerHandle {
                                arn: listener.arn.clone(),
                                mode: Arc::new(ArcSwap::from_pointee(mode)),
                                stop: CancellationToken::new(),
                            };
                            tracing::info!(%address, listener = %listener.arn, "listening");
                            inner.tasks.spawn(listener::accept_loop(
                                socket,
                                handle.mode.clone(),
                                handle.stop.clone(),
                                inner.limits,
                                inner.tasks.clone(),
                            ));
                            listeners.insert(address, handle);
                        }
                        Err(err) => listener_errors.push(ListenerError {
                            listener_arn: listener.arn.clone(),
                            port: listener.port,
                            message: format!("cannot listen on {address}: {err}"),
                        }),
                    },
                }
            }
        }
        listeners.retain(|address, handle| {
            let keep = wanted.contains(address);
            if !keep {
                tracing::info!(%address, listener = %handle.arn, "listener removed; draining");
                handle.stop.cancel();
            }
            keep
        });
        drop(listeners);
        drop(groups);
        {
            let mut status = inner.lock_status();
            status.generation = config.generation;
            status.listener_errors = listener_errors;
            status.config_error = None;
        }
        inner.publish();
        Ok(())
    }

    fn http_shared(&self, state: HttpListenerState) -> Arc<HttpShared> {
        Arc::new(HttpShared {
            state: ArcSwap::from_pointee(state),
            upstream: self.inner.upstream.clone(),
            pending: Semaphore::new(self.inner.limits.max_pending_requests),
        })
    }

    /// The addresses being listened on now.
    pub fn listening(&self) -> Vec<SocketAddr> {
        let listeners = self
            .inner
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        listeners.keys().copied().collect()
    }

    /// Stops accepting everywhere, lets connections finish within the drain grace, and
    /// stops the health checkers.
    pub async fn shutdown(&self) {
        let inner = &self.inner;
        for handle in inner
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain()
        {
            handle.1.stop.cancel();
        }
        for group in inner
            .groups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
        {
            group.shut_down();
        }
        inner.shutdown.cancel();
        inner.tasks.close();
        if tokio::time::timeout(inner.limits.drain_grace, inner.tasks.wait())
            .await
            .is_err()
        {
            tracing::warn!("connections still open after the drain grace; closing them");
        }
    }
}

impl Inner {
    fn lock_status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn snapshot(&self) -> HealthSnapshot {
        let order = self
            .group_order
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        let target_groups = order
            .iter()
            .filter_map(|arn| groups.get(arn))
            .map(|group| TargetGroupHealth {
                target_group_arn: group.arn.clone(),
                targets: group.observations(),
            })
            .collect();
        drop(groups);
        let status = self.lock_status();
        HealthSnapshot {
            generation: status.generation,
            target_groups,
            listener_errors: status.listener_errors.clone(),
            config_error: status.config_error.clone(),
        }
    }

    fn publish(&self) {
        let snapshot = self.snapshot();
        // In-flight counts change on every request: only a change of state is news.
        self.health.send_if_modified(|current| {
            let same = current.generation == snapshot.generation
                && current.listener_errors == snapshot.listener_errors
                && current.config_error == snapshot.config_error
                && same_states(&current.target_groups, &snapshot.target_groups);
            *current = snapshot;
            !same
        });
    }
}

/// The target groups some listener forwards to.
fn groups_in_use(config: &LbConfig) -> HashSet<String> {
    config
        .load_balancers
        .iter()
        .flat_map(|lb| &lb.listeners)
        .flat_map(|listener| {
            std::iter::once(&listener.default_action)
                .chain(listener.rules.iter().map(|rule| &rule.action))
        })
        .filter_map(|action| match action {
            Action::Forward { target_groups, .. } => Some(target_groups),
            _ => None,
        })
        .flatten()
        .map(|group| group.target_group_arn.clone())
        .collect()
}

fn same_states(a: &[TargetGroupHealth], b: &[TargetGroupHealth]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(a, b)| {
            a.target_group_arn == b.target_group_arn
                && a.targets.len() == b.targets.len()
                && a.targets.iter().zip(&b.targets).all(|(a, b)| {
                    a.ip == b.ip && a.port == b.port && a.state == b.state && a.reason == b.reason
                })
        })
}
