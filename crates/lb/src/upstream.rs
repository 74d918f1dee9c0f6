//! Connections to targets: a pool of idle HTTP/1.1 connections per target (kept on the
//! target's runtime, so it survives every configuration change that keeps the target).
//!
//! A request takes the newest idle connection (or opens one, over TLS for HTTPS target
//! groups), and its response body hands the connection back when it has been read to the
//! end ([`Lease`]); a response cut short closes it. A request that an idle connection
//! could not even send (the target had closed it) is sent again on another connection,
//! as hyper-util's pooled client does. A connection that upgraded (101) leaves the pool.
//!
//! This replaces hyper-util's general-purpose pooled client on the hot path: no pool-key
//! hashing, connector cloning or checkout futures per request.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{Either, Empty};
use hyper::body::Incoming;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::balancer::TargetRuntime;

/// The body a request is sent upstream with: the client's, or nothing (so that an
/// idempotent request without a body can be sent twice).
pub type UpstreamBody = Either<Incoming, Empty<Bytes>>;

/// Idle connections kept per target.
const MAX_IDLE_PER_TARGET: usize = 256;
/// An idle connection older than this is closed rather than reused.
const IDLE_LIFETIME: Duration = Duration::from_secs(50);

/// A target's idle connections, newest last.
#[derive(Debug, Default)]
pub struct Pool {
    idle: Mutex<Vec<(SendRequest<UpstreamBody>, Instant)>>,
}

impl Pool {
    fn take(&self) -> Option<SendRequest<UpstreamBody>> {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        while let Some((sender, since)) = idle.pop() {
            if !sender.is_closed() && since.elapsed() < IDLE_LIFETIME {
                return Some(sender);
            }
        }
        None
    }

    fn put(&self, sender: SendRequest<UpstreamBody>) {
        if sender.is_closed() {
            return;
        }
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE_PER_TARGET {
            idle.push((sender, Instant::now()));
        }
    }
}

/// A connection lent to one request; back to its target's pool when the response has
/// been read to its end.
#[derive(Debug)]
pub struct Lease {
    sender: Option<SendRequest<UpstreamBody>>,
    target: Arc<TargetRuntime>,
}

impl Lease {
    /// The response was read to its end: the connection can serve another request.
    pub fn release(&mut self) {
        if let Some(sender) = self.sender.take() {
            self.target.pool.put(sender);
        }
    }

    /// The connection is being taken over (an upgrade): it never returns to the pool.
    pub fn forget(&mut self) {
        self.sender.take();
    }
}

/// Why a request got no response.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// No connection could be made (refused, unreachable, TLS): the target never saw the
    /// request.
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("connect timed out")]
    ConnectTimeout,
    /// The request was sent (or partly sent) and no response came: the connection failed.
    #[error("no response: {0}")]
    Failed(hyper::Error),
}

/// How to reach targets.
#[derive(Debug, Clone)]
pub struct Upstream {
    pub connect_timeout: Duration,
    pub tls: Arc<rustls::ClientConfig>,
}

impl Upstream {
    /// Sends `request` to `target` on a pooled or new connection. On failure, the request
    /// comes back if it was never sent.
    pub async fn send(
        &self,
        target: &Arc<TargetRuntime>,
        https: bool,
        mut request: Request<UpstreamBody>,
    ) -> Result<(Response<Incoming>, Lease), (SendError, Option<Request<UpstreamBody>>)> {
        loop {
            let (mut sender, reused) = match target.pool.take() {
                Some(sender) => (sender, true),
                None => match self.connect(target, https).await {
                    Ok(sender) => (sender, false),
                    Err(err) => return Err((err, Some(request))),
                },
            };
            if sender.ready().await.is_err() {
                if reused {
                    continue;
                }
                return Err((
                    SendError::Connect("the new connection closed at once".into()),
                    Some(request),
                ));
            }
            match sender.try_send_request(request).await {
                Ok(response) => {
                    let lease = Lease {
                        sender: Some(sender),
                        target: target.clone(),
                    };
                    return Ok((response, lease));
                }
                Err(mut err) => match err.take_message() {
                    // Never sent: an idle connection the target had closed. Try another.
                    Some(unsent) if reused => request = unsent,
                    unsent => return Err((SendError::Failed(err.into_error()), unsent)),
                },
            }
        }
    }

    async fn connect(
        &self,
        target: &TargetRuntime,
        https: bool,
    ) -> Result<SendRequest<UpstreamBody>, SendError> {
        let stream =
            match tokio::time::timeout(self.connect_timeout, TcpStream::connect(target.address))
                .await
            {
                Ok(Ok(stream)) => stream,
                Ok(Err(err)) => return Err(SendError::Connect(err.to_string())),
                Err(_) => return Err(SendError::ConnectTimeout),
            };
        let _ = stream.set_nodelay(true);
        if https {
            let connector = tokio_rustls::TlsConnector::from(self.tls.clone());
            let name = rustls::pki_types::ServerName::IpAddress(target.address.ip().into());
            let stream =
                match tokio::time::timeout(self.connect_timeout, connector.connect(name, stream))
                    .await
                {
                    Ok(Ok(stream)) => stream,
                    Ok(Err(err)) => return Err(SendError::Connect(err.to_string())),
                    Err(_) => return Err(SendError::ConnectTimeout),
                };
            handshake(TokioIo::new(stream)).await
        } else {
            handshake(TokioIo::new(stream)).await
        }
    }
}

async fn handshake<I>(io: I) -> Result<SendRequest<UpstreamBody>, SendError>
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (sender, connection) = hyper::client::conn::http1::Builder::new()
        .handshake(io)
        .await
        .map_err(|err| SendError::Connect(err.to_string()))?;
    tokio::spawn(async move {
        if let Err(err) = connection.with_upgrades().await {
            tracing::debug!(error = %err, "target connection ended with an error");
        }
    });
    Ok(sender)
}

/// A request whose body is empty (a GET, or a retry).
pub fn empty_body() -> UpstreamBody {
    Either::Right(Empty::new())
}
