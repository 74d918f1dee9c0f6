//! Health checks as ELB does them: one checker per target, every `interval`, a request
//! (HTTP or HTTPS `GET path`, on a fresh connection, success when the status is in the
//! matcher) or a TCP connect, each bounded by `timeout`. `healthy_threshold` consecutive
//! successes make a target healthy and `unhealthy_threshold` consecutive failures make it
//! unhealthy, with ELB's states and reason codes.
//!
//! A checker reads its group's settings on every round, so a changed interval, path or
//! matcher applies from the next check on. It does not check while its group is not used
//! by any listener (the target is `unused`) and stops when the target drains or leaves.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use berth_api::lb::{HealthCheckPort, Protocol, TargetHealthReason, TargetHealthState};
use bytes::Bytes;
use http_body_util::Empty;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::Notify;

use crate::balancer::{HealthDetail, Routable, TargetGroupRuntime, TargetRuntime};

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// The status was not in the matcher.
    CodeMismatch(u16),
    Timeout,
    Failed,
}

/// Consecutive results, and the ELB state they lead to.
#[derive(Debug, Default)]
pub struct Counters {
    successes: u32,
    failures: u32,
    /// Whether the target has ever been found healthy or unhealthy.
    decided: Option<bool>,
}

impl Counters {
    /// Folds in one outcome and returns the routing state and ELB detail now in force.
    pub fn record(
        &mut self,
        outcome: &Outcome,
        healthy_threshold: u32,
        unhealthy_threshold: u32,
    ) -> (Routable, HealthDetail) {
        if *outcome == Outcome::Success {
            self.successes += 1;
            self.failures = 0;
            if self.successes >= healthy_threshold {
                self.decided = Some(true);
            }
        } else {
            self.failures += 1;
            self.successes = 0;
            if self.failures >= unhealthy_threshold {
                self.decided = Some(false);
            }
        }
        match self.decided {
            Some(true) => (
                Routable::Healthy,
                HealthDetail::new(TargetHealthState::Healthy, None),
            ),
            Some(false) => {
                let reason = match outcome {
                    Outcome::CodeMismatch(_) => TargetHealthReason::TargetResponseCodeMismatch,
                    Outcome::Timeout => TargetHealthReason::TargetTimeout,
                    _ => TargetHealthReason::TargetFailedHealthChecks,
                };
                let mut detail = HealthDetail::new(TargetHealthState::Unhealthy, Some(reason));
                if let Outcome::CodeMismatch(code) = outcome {
                    detail.description =
                        Some(format!("Health checks failed with these codes: [{code}]"));
                }
                (Routable::Unhealthy, detail)
            }
            None => (
                Routable::Initial,
                HealthDetail::new(
                    TargetHealthState::Initial,
                    Some(TargetHealthReason::ElbInitialHealthChecking),
                ),
            ),
        }
    }
}

/// Checks one target until it is drained or removed. `changed` is told about every state
/// change, for the health snapshot.
pub async fn run_checker(
    group: Arc<TargetGroupRuntime>,
    target: Arc<TargetRuntime>,
    changed: Arc<Notify>,
    tls: Arc<rustls::ClientConfig>,
) {
    let mut counters = Counters::default();
    loop {
        if target.gone.is_cancelled() || target.is_draining() {
            return;
        }
        let settings = group.settings.load_full();
        let check = &settings.health_check;
        let interval = Duration::from_millis(check.interval_ms);
        if group.in_use.load(Ordering::Relaxed) {
            if check.enabled {
                let port = match check.port {
                    HealthCheckPort::TrafficPort => target.address.port(),
                    HealthCheckPort::Port(port) => port,
                };
                let address = SocketAddr::new(target.address.ip(), port);
                let timeout = Duration::from_millis(check.timeout_ms);
                let outcome = match tokio::time::timeout(
                    timeout,
                    probe(
                        check.protocol,
                        address,
                        &check.path,
                        &settings.matcher,
                        &tls,
                    ),
                )
                .await
                {
                    Ok(outcome) => outcome,
                    Err(_) => Outcome::Timeout,
                };
                if target.gone.is_cancelled() {
                    return;
                }
                let (routable, detail) =
                    counters.record(&outcome, check.healthy_threshold, check.unhealthy_threshold);
                if target.set_health(routable, detail) {
                    tracing::info!(
                        target_group = %group.arn,
                        target = %target.address,
                        state = target.detail().state.as_str(),
                        reason = target.detail().reason.map(|r| r.as_str()),
                        "target health changed"
                    );
                    changed.notify_one();
                }
            } else if target.set_health(
                Routable::Unchecked,
                HealthDetail::new(
                    TargetHealthState::Unavailable,
                    Some(TargetHealthReason::TargetHealthCheckDisabled),
                ),
            ) {
                changed.notify_one();
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = target.gone.cancelled() => return,
        }
    }
}

/// One check: a TCP connect, or a GET whose status must be in `matcher`.
async fn probe(
    protocol: Protocol,
    address: SocketAddr,
    path: &str,
    matcher: &[(u16, u16)],
    tls: &Arc<rustls::ClientConfig>,
) -> Outcome {
    let Ok(stream) = TcpStream::connect(address).await else {
        return Outcome::Failed;
    };
    let status = match protocol {
        Protocol::Tcp => return Outcome::Success,
        Protocol::Http => get_status(TokioIo::new(stream), address, path).await,
        Protocol::Https => {
            let connector = tokio_rustls::TlsConnector::from(tls.clone());
            let name = rustls::pki_types::ServerName::IpAddress(address.ip().into());
            match connector.connect(name, stream).await {
                Ok(stream) => get_status(TokioIo::new(stream), address, path).await,
                Err(_) => None,
            }
        }
    };
    match status {
        Some(code)
            if matcher
                .iter()
                .any(|(low, high)| (*low..=*high).contains(&code)) =>
        {
            Outcome::Success
        }
        Some(code) => Outcome::CodeMismatch(code),
        None => Outcome::Failed,
    }
}

async fn get_status<I>(io: I, address: SocketAddr, path: &str) -> Option<u16>
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io).await.ok()?;
    let driver = tokio::spawn(connection);
    let request = http::Request::get(path)
        .header(http::header::HOST, address.to_string())
        .header(http::header::USER_AGENT, "ELB-HealthChecker/2.0")
        .header(http::header::CONNECTION, "close")
        .body(Empty::<Bytes>::new())
        .ok()?;
    let response = sender.send_request(request).await;
    driver.abort();
    Some(response.ok()?.status().as_u16())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_move_states_as_elb_does() {
        let mut counters = Counters::default();
        let (routable, detail) = counters.record(&Outcome::Success, 2, 3);
        assert_eq!(routable, Routable::Initial);
        assert_eq!(
            detail.reason,
            Some(TargetHealthReason::ElbInitialHealthChecking)
        );
        let (routable, detail) = counters.record(&Outcome::Success, 2, 3);
        assert_eq!(routable, Routable::Healthy);
        assert_eq!(detail.state, TargetHealthState::Healthy);
        assert_eq!(detail.reason, None);
        // Two failures are below the unhealthy threshold of 3: still healthy.
        counters.record(&Outcome::Timeout, 2, 3);
        let (routable, _) = counters.record(&Outcome::Timeout, 2, 3);
        assert_eq!(routable, Routable::Healthy);
        let (routable, detail) = counters.record(&Outcome::CodeMismatch(500), 2, 3);
        assert_eq!(routable, Routable::Unhealthy);
        assert_eq!(
            detail.reason,
            Some(TargetHealthReason::TargetResponseCodeMismatch)
        );
        assert_eq!(
            detail.description.as_deref(),
            Some("Health checks failed with these codes: [500]")
        );
        // One success does not bring it back with a healthy threshold of 2.
        let (routable, _) = counters.record(&Outcome::Success, 2, 3);
        assert_eq!(routable, Routable::Unhealthy);
        let (routable, _) = counters.record(&Outcome::Success, 2, 3);
        assert_eq!(routable, Routable::Healthy);
    }

    #[test]
    fn timeouts_and_failures_have_their_own_reasons() {
        let mut counters = Counters::default();
        counters.record(&Outcome::Timeout, 2, 2);
        let (_, detail) = counters.record(&Outcome::Timeout, 2, 2);
        assert_eq!(detail.reason, Some(TargetHealthReason::TargetTimeout));
        let (_, detail) = counters.record(&Outcome::Failed, 2, 2);
        assert_eq!(
            detail.reason,
            Some(TargetHealthReason::TargetFailedHealthChecks)
        );
    }
}
