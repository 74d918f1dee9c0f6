//! Target groups at run time: their targets with health, draining and requests in flight,
//! and the choice of a target for each request or connection.
//!
//! A [`TargetGroupRuntime`] lives as long as its ARN stays in the configuration, so its
//! targets' health and counters (and the connection pools keyed by their addresses)
//! survive every change that keeps them. Its target set is swapped whole
//! ([`arc_swap::ArcSwap`]); a request reads it without a lock and holds an
//! [`InFlight`] guard on the target it chose until its response body ends.
//!
//! Routing follows ELB: healthy targets that are not draining get requests, round robin
//! or least outstanding requests; when no target is healthy every target that is not
//! draining gets them (fail-open).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;
use berth_api::lb::{
    Algorithm, HealthCheck, Protocol, TargetGroup, TargetHealthObservation, TargetHealthReason,
    TargetHealthState, TargetState,
};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// A target's health as routing sees it (one byte, read on every request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Routable {
    /// Not yet checked enough: routed to only when no target is healthy.
    Initial = 0,
    Healthy = 1,
    Unhealthy = 2,
    /// Health checks are disabled: routed to as if healthy.
    Unchecked = 3,
}

impl Routable {
    fn from_u8(value: u8) -> Self {
        match value {
            1 => Routable::Healthy,
            2 => Routable::Unhealthy,
            3 => Routable::Unchecked,
            _ => Routable::Initial,
        }
    }

    fn is_healthy(self) -> bool {
        matches!(self, Routable::Healthy | Routable::Unchecked)
    }
}

/// ELB's view of a target, for DescribeTargetHealth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthDetail {
    pub state: TargetHealthState,
    pub reason: Option<TargetHealthReason>,
    pub description: Option<String>,
}

impl HealthDetail {
    pub fn new(state: TargetHealthState, reason: Option<TargetHealthReason>) -> Self {
        let description = reason.map(|reason| describe(reason).to_owned());
        Self {
            state,
            reason,
            description,
        }
    }
}

/// ELB's descriptions of its reason codes.
pub fn describe(reason: TargetHealthReason) -> &'static str {
    match reason {
        TargetHealthReason::ElbRegistrationInProgress => "Target registration is in progress",
        TargetHealthReason::ElbInitialHealthChecking => "Initial health checking in progress",
        TargetHealthReason::TargetResponseCodeMismatch => "Health checks failed with these codes",
        TargetHealthReason::TargetTimeout => "Request timed out",
        TargetHealthReason::TargetFailedHealthChecks => "Health checks failed",
        TargetHealthReason::TargetNotRegistered => "Target is not registered to the target group",
        TargetHealthReason::TargetNotInUse => {
            "Target group is not configured to receive traffic from the load balancer"
        }
        TargetHealthReason::TargetDeregistrationInProgress => {
            "Target deregistration is in progress"
        }
        TargetHealthReason::TargetHealthCheckDisabled => "Health checks are disabled",
        // Reasons of ELB's own (never observed by this data plane).
        TargetHealthReason::TargetInvalidState => "Target is in the stopped or terminated state",
        TargetHealthReason::TargetIpUnusable => "The IP address cannot be used as a target",
        TargetHealthReason::ElbInternalError => "Health checks failed due to an internal error",
    }
}

/// One registered target.
#[derive(Debug)]
pub struct TargetRuntime {
    pub address: SocketAddr,
    /// The `AWSALB` cookie value that names this target.
    pub cookie: String,
    routable: AtomicU8,
    /// 0 while registered; the drain deadline (Unix ms) once draining.
    draining_until: AtomicU64,
    /// Set once a draining target has no work left or its deadline passed.
    drained: AtomicBool,
    in_flight: AtomicU64,
    idle: Notify,
    detail: Mutex<HealthDetail>,
    /// Cancelled when the target is drained or removed: its tunnels (TCP, WebSocket)
    /// close and its health checker stops.
    pub gone: CancellationToken,
    /// Idle HTTP connections to it.
    pub pool: crate::upstream::Pool,
}

impl TargetRuntime {
    fn new(group_arn: &str, address: SocketAddr) -> Self {
        Self {
            address,
            cookie: cookie_value(group_arn, &address),
            routable: AtomicU8::new(Routable::Initial as u8),
            draining_until: AtomicU64::new(0),
            drained: AtomicBool::new(false),
            in_flight: AtomicU64::new(0),
            idle: Notify::new(),
            detail: Mutex::new(HealthDetail::new(
                TargetHealthState::Initial,
                Some(TargetHealthReason::ElbRegistrationInProgress),
            )),
            gone: CancellationToken::new(),
            pool: crate::upstream::Pool::default(),
        }
    }

    pub fn routable(&self) -> Routable {
        Routable::from_u8(self.routable.load(Ordering::Relaxed))
    }

    pub fn is_draining(&self) -> bool {
        self.draining_until.load(Ordering::Relaxed) != 0
    }

    pub fn in_flight(&self) -> u64 {
        self.in_flight.load(Ordering::Relaxed)
    }

    /// Records a health-check outcome. Returns whether the ELB state changed.
    pub fn set_health(&self, routable: Routable, detail: HealthDetail) -> bool {
        self.routable.store(routable as u8, Ordering::Relaxed);
        if self.is_draining() {
            return false;
        }
        let mut current = self.detail.lock().unwrap_or_else(|e| e.into_inner());
        if *current == detail {
            return false;
        }
        *current = detail;
        true
    }

    pub fn detail(&self) -> HealthDetail {
        self.detail
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn set_detail(&self, detail: HealthDetail) -> bool {
        let mut current = self.detail.lock().unwrap_or_else(|e| e.into_inner());
        if *current == detail {
            return false;
        }
        *current = detail;
        true
    }

    pub fn observation(&self) -> TargetHealthObservation {
        let detail = self.detail();
        TargetHealthObservation {
            ip: self.address.ip(),
            port: self.address.port(),
            state: detail.state,
            reason: detail.reason,
            description: detail.description,
            in_flight: self.in_flight(),
        }
    }

    /// Starts draining (idempotent). Returns true the first time.
    fn start_draining(&self, deadline_unix_ms: u64) -> bool {
        let first = self
            .draining_until
            .compare_exchange(
                0,
                deadline_unix_ms.max(1),
                Ordering::SeqCst,
                Ordering::SeqCst,
            )
            .is_ok();
        if !first {
            self.draining_until
                .store(deadline_unix_ms.max(1), Ordering::SeqCst);
        }
        first
    }

    /// Waits until the draining target has nothing in flight or its deadline passes, then
    /// marks it drained and closes its tunnels.
    pub async fn drain(self: Arc<Self>, on_change: Arc<Notify>) {
        loop {
            let idle = self.idle.notified();
            if self.in_flight() == 0 {
                break;
            }
            let deadline = self.draining_until.load(Ordering::SeqCst);
            let wait = deadline.saturating_sub(unix_ms());
            if wait == 0 {
                break;
            }
            tokio::select! {
                _ = idle => {}
                _ = tokio::time::sleep(std::time::Duration::from_millis(wait.min(1000))) => {}
                _ = self.gone.cancelled() => break,
            }
        }
        self.drained.store(true, Ordering::SeqCst);
        self.set_detail(HealthDetail::new(
            TargetHealthState::Unused,
            Some(TargetHealthReason::TargetNotRegistered),
        ));
        self.gone.cancel();
        on_change.notify_one();
    }
}

/// Keeps a request or connection counted against its target until dropped.
#[derive(Debug)]
pub struct InFlight(pub Arc<TargetRuntime>);

impl InFlight {
    pub fn new(target: Arc<TargetRuntime>) -> Self {
        target.in_flight.fetch_add(1, Ordering::Relaxed);
        Self(target)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::Relaxed) == 1 && self.0.is_draining() {
            self.0.idle.notify_one();
        }
    }
}

/// A target group's settings, swapped whole on a change.
#[derive(Debug, Clone)]
pub struct GroupSettings {
    pub protocol: Protocol,
    pub health_check: HealthCheck,
    /// Parsed matcher ranges.
    pub matcher: Vec<(u16, u16)>,
    pub algorithm: Algorithm,
    /// `stickiness.lb_cookie.duration_seconds` when stickiness is on.
    pub stickiness_seconds: Option<u32>,
}

#[derive(Debug, Default)]
pub struct TargetSet {
    pub targets: Box<[Arc<TargetRuntime>]>,
    by_cookie: HashMap<String, usize>,
}

#[derive(Debug)]
pub struct TargetGroupRuntime {
    pub arn: String,
    /// The `AWSALBTG` cookie value that names this group.
    pub cookie: String,
    pub settings: ArcSwap<GroupSettings>,
    pub targets: ArcSwap<TargetSet>,
    /// Whether a listener forwards to it (else its targets are `unused`).
    pub in_use: AtomicBool,
    next: AtomicUsize,
}

impl TargetGroupRuntime {
    pub fn new(config: &TargetGroup) -> Self {
        Self {
            arn: config.arn.clone(),
            cookie: format!("{:016x}", stable_hash(&config.arn)),
            settings: ArcSwap::from_pointee(settings_of(config)),
            targets: ArcSwap::from_pointee(TargetSet::default()),
            in_use: AtomicBool::new(false),
            next: AtomicUsize::new(0),
        }
    }

    /// Applies a new configuration of this group. Targets that stay keep their runtime;
    /// returns the targets that are new (to start health checks for), that started
    /// draining (to watch), and that left the configuration.
    pub fn update(&self, config: &TargetGroup) -> GroupChanges {
        self.settings.store(Arc::new(settings_of(config)));
        let old = self.targets.load_full();
        let mut by_address: HashMap<SocketAddr, Arc<TargetRuntime>> = old
            .targets
            .iter()
            .map(|target| (target.address, target.clone()))
            .collect();
        let mut changes = GroupChanges::default();
        let mut targets = Vec::with_capacity(config.targets.len());
        for target in &config.targets {
            let address = target.address();
            let runtime = match by_address.remove(&address) {
                Some(runtime) if !runtime.gone.is_cancelled() || runtime.is_draining() => runtime,
                _ => {
                    let runtime = Arc::new(TargetRuntime::new(&self.arn, address));
                    changes.added.push(runtime.clone());
                    runtime
                }
            };
            if let TargetState::Draining { deadline_unix_ms } = target.state {
                if runtime.start_draining(deadline_unix_ms) {
                    runtime.set_detail(HealthDetail::new(
                        TargetHealthState::Draining,
                        Some(TargetHealthReason::TargetDeregistrationInProgress),
                    ));
                    changes.draining.push(runtime.clone());
                }
            } else if runtime.is_draining() {
                // Registered again while draining: ELB starts it over as a new target.
                runtime.gone.cancel();
                let fresh = Arc::new(TargetRuntime::new(&self.arn, address));
                changes.added.push(fresh.clone());
                targets.push(fresh);
                continue;
            }
            targets.push(runtime);
        }
        changes.removed = by_address.into_values().collect();
        for removed in &changes.removed {
            removed.gone.cancel();
        }
        let by_cookie = targets
            .iter()
            .enumerate()
            .map(|(index, target)| (target.cookie.clone(), index))
            .collect();
        self.targets.store(Arc::new(TargetSet {
            targets: targets.into_boxed_slice(),
            by_cookie,
        }));
        changes
    }

    /// Chooses a target for a new request or connection, or None when the group has no
    /// target that is not draining. `sticky` is the `AWSALB` cookie's value; `avoid` a
    /// target that just failed (the retry goes elsewhere when it can).
    pub fn pick(&self, sticky: Option<&str>, avoid: Option<&SocketAddr>) -> Option<Pick> {
        let set = self.targets.load();
        let targets = &set.targets;
        if targets.is_empty() {
            return None;
        }
        let any_healthy = targets
            .iter()
            .any(|t| !t.is_draining() && t.routable().is_healthy());
        let eligible = |target: &TargetRuntime| {
            !target.is_draining()
                && (!any_healthy || target.routable().is_healthy())
                && avoid != Some(&target.address)
        };
        if let Some(index) = sticky.and_then(|cookie| set.by_cookie.get(cookie)) {
            let target = &targets[*index];
            if eligible(target) {
                return Some(Pick {
                    target: target.clone(),
                    sticky_hit: true,
                });
            }
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let len = targets.len();
        let chosen = match self.settings.load().algorithm {
            Algorithm::RoundRobin => (0..len)
                .map(|offset| &targets[(start + offset) % len])
                .find(|target| eligible(target)),
            Algorithm::LeastOutstandingRequests => (0..len)
                .map(|offset| &targets[(start + offset) % len])
                .filter(|target| eligible(target))
                .min_by_key(|target| target.in_flight()),
        };
        let chosen = match chosen {
            Some(chosen) => chosen,
            // Only the target to avoid is left: better it than nothing.
            None => targets
                .iter()
                .find(|t| !t.is_draining() && avoid == Some(&t.address))?,
        };
        Some(Pick {
            target: chosen.clone(),
            sticky_hit: false,
        })
    }

    /// ELB's observation of every target of the group.
    pub fn observations(&self) -> Vec<TargetHealthObservation> {
        let in_use = self.in_use.load(Ordering::Relaxed);
        self.targets
            .load()
            .targets
            .iter()
            .map(|target| {
                let mut observation = target.observation();
                if !in_use && !target.is_draining() {
                    let detail = HealthDetail::new(
                        TargetHealthState::Unused,
                        Some(TargetHealthReason::TargetNotInUse),
                    );
                    observation.state = detail.state;
                    observation.reason = detail.reason;
                    observation.description = detail.description;
                }
                observation
            })
            .collect()
    }

    /// Stops every target's tasks (the group left the configuration).
    pub fn shut_down(&self) {
        for target in self.targets.load().targets.iter() {
            target.gone.cancel();
        }
    }
}

#[derive(Debug)]
pub struct Pick {
    pub target: Arc<TargetRuntime>,
    /// The client's cookie named this target (no new cookie needed).
    pub sticky_hit: bool,
}

#[derive(Debug, Default)]
pub struct GroupChanges {
    pub added: Vec<Arc<TargetRuntime>>,
    pub draining: Vec<Arc<TargetRuntime>>,
    pub removed: Vec<Arc<TargetRuntime>>,
}

fn settings_of(config: &TargetGroup) -> GroupSettings {
    GroupSettings {
        protocol: config.protocol,
        health_check: config.health_check.clone(),
        // Validation already refused a bad matcher; a TCP check has none.
        matcher: berth_api::lb::parse_matcher(&config.health_check.matcher)
            .unwrap_or_else(|_| vec![(200, 399)]),
        algorithm: config.attributes.algorithm,
        stickiness_seconds: config
            .attributes
            .stickiness_enabled
            .then_some(config.attributes.stickiness_duration_seconds),
    }
}

/// A hash that is the same in every process of the same build, so cookies survive a
/// restart of the data plane. Not a secret: a cookie only picks among registered targets.
pub fn stable_hash(value: impl Hash) -> u64 {
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new_with_keys(0x6265_7274_685f_6c62, 0x636f_6f6b_6965);
    value.hash(&mut hasher);
    hasher.finish()
}

fn cookie_value(group_arn: &str, address: &SocketAddr) -> String {
    format!("{:016x}", stable_hash((group_arn, address)))
}

pub fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::lb::{HealthCheckPort, Target, TargetGroupAttributes};

    fn group(targets: &[(u16, TargetState)], algorithm: Algorithm) -> TargetGroup {
        TargetGroup {
            arn: "tg".into(),
            name: "tg".into(),
            protocol: Protocol::Http,
            targets: targets
                .iter()
                .map(|(port, state)| Target {
                    ip: "127.0.0.1".parse().unwrap(),
                    port: *port,
                    state: *state,
                })
                .collect(),
            health_check: HealthCheck {
                enabled: true,
                protocol: Protocol::Http,
                path: "/".into(),
                port: HealthCheckPort::TrafficPort,
                interval_ms: 1000,
                timeout_ms: 500,
                healthy_threshold: 2,
                unhealthy_threshold: 2,
                matcher: "200".into(),
            },
            attributes: TargetGroupAttributes {
                algorithm,
                ..Default::default()
            },
        }
    }

    fn healthy(runtime: &TargetGroupRuntime, port: u16) {
        for target in runtime.targets.load().targets.iter() {
            if target.address.port() == port {
                target.set_health(
                    Routable::Healthy,
                    HealthDetail::new(TargetHealthState::Healthy, None),
                );
            }
        }
    }

    #[test]
    fn round_robin_over_healthy_targets_and_fail_open() {
        let config = group(
            &[(1, TargetState::Registered), (2, TargetState::Registered)],
            Algorithm::RoundRobin,
        );
        let runtime = TargetGroupRuntime::new(&config);
        runtime.update(&config);
        // Nobody healthy: fail-open over both.
        let ports: Vec<u16> = (0..4)
            .map(|_| runtime.pick(None, None).unwrap().target.address.port())
            .collect();
        assert!(ports.contains(&1) && ports.contains(&2), "{ports:?}");
        healthy(&runtime, 2);
        for _ in 0..4 {
            assert_eq!(runtime.pick(None, None).unwrap().target.address.port(), 2);
        }
        healthy(&runtime, 1);
        let ports: Vec<u16> = (0..4)
            .map(|_| runtime.pick(None, None).unwrap().target.address.port())
            .collect();
        assert_eq!(ports.iter().filter(|p| **p == 1).count(), 2, "{ports:?}");
    }

    #[test]
    fn draining_targets_get_nothing_and_state_survives_updates() {
        let config = group(
            &[(1, TargetState::Registered), (2, TargetState::Registered)],
            Algorithm::RoundRobin,
        );
        let runtime = TargetGroupRuntime::new(&config);
        let changes = runtime.update(&config);
        assert_eq!(changes.added.len(), 2);
        healthy(&runtime, 1);
        healthy(&runtime, 2);
        let draining = group(
            &[
                (1, TargetState::Registered),
                (
                    2,
                    TargetState::Draining {
                        deadline_unix_ms: unix_ms() + 60_000,
                    },
                ),
            ],
            Algorithm::RoundRobin,
        );
        let changes = runtime.update(&draining);
        assert!(changes.added.is_empty());
        assert_eq!(changes.draining.len(), 1);
        for _ in 0..4 {
            assert_eq!(runtime.pick(None, None).unwrap().target.address.port(), 1);
        }
        let observations = runtime.observations();
        assert_eq!(observations[1].state, TargetHealthState::Draining);
        // Target 1 kept its health through the update.
        assert_eq!(
            runtime.targets.load().targets[0].routable(),
            Routable::Healthy
        );
    }

    #[test]
    fn least_outstanding_prefers_the_idle_target() {
        let config = group(
            &[(1, TargetState::Registered), (2, TargetState::Registered)],
            Algorithm::LeastOutstandingRequests,
        );
        let runtime = TargetGroupRuntime::new(&config);
        runtime.update(&config);
        healthy(&runtime, 1);
        healthy(&runtime, 2);
        let busy = runtime.targets.load().targets[0].clone();
        let _guards: Vec<InFlight> = (0..3).map(|_| InFlight::new(busy.clone())).collect();
        for _ in 0..5 {
            assert_eq!(runtime.pick(None, None).unwrap().target.address.port(), 2);
        }
    }

    #[test]
    fn sticky_cookie_names_a_target_until_it_is_unhealthy() {
        let config = group(
            &[(1, TargetState::Registered), (2, TargetState::Registered)],
            Algorithm::RoundRobin,
        );
        let runtime = TargetGroupRuntime::new(&config);
        runtime.update(&config);
        healthy(&runtime, 1);
        healthy(&runtime, 2);
        let cookie = runtime.targets.load().targets[1].cookie.clone();
        for _ in 0..4 {
            let pick = runtime.pick(Some(&cookie), None).unwrap();
            assert_eq!(pick.target.address.port(), 2);
            assert!(pick.sticky_hit);
        }
        runtime.targets.load().targets[1].set_health(
            Routable::Unhealthy,
            HealthDetail::new(TargetHealthState::Unhealthy, None),
        );
        let pick = runtime.pick(Some(&cookie), None).unwrap();
        assert_eq!(pick.target.address.port(), 1);
        assert!(!pick.sticky_hit);
    }
}
