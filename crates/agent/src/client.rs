//! The agent's side of the agent protocol: the [`ControlPlane`] trait the agent talks
//! through, and its HTTP implementation over `/agent/v1` (see `berth_api::protocol`).
//!
//! Tokens are passed per call, because the agent changes them: the join token for
//! `register`, then the instance credential for everything else.

use std::time::Duration;

use async_trait::async_trait;
use berth_api::protocol::{
    AgentApiError, DesiredState, RegisterRequest, RegisterResponse, ReportRequest, ReportResponse,
};

/// Added to a long-poll's wait for the HTTP timeout, so the server answers first.
const LONG_POLL_SLACK: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// What a control-plane call can fail with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// The token was rejected (HTTP 401). The caller must re-register or give up.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// The server refused the request for good (4xx other than 401).
    #[error("rejected ({status}, {error}): {message}")]
    Rejected {
        status: u16,
        error: String,
        message: String,
    },
    /// The server could not be reached or failed (connection, timeout, 5xx). Retry.
    #[error("transport: {0}")]
    Transport(String),
    /// The response was not the expected JSON.
    #[error("bad response: {0}")]
    Decode(String),
}

impl ClientError {
    /// Whether retrying the same call later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, ClientError::Transport(_) | ClientError::Decode(_))
    }
}

/// The control-plane calls the agent makes.
#[async_trait]
pub trait ControlPlane: Send + Sync + 'static {
    /// `POST /agent/v1/register`, authorised by a join token.
    async fn register(
        &self,
        join_token: &str,
        req: &RegisterRequest,
    ) -> Result<RegisterResponse, ClientError>;

    /// `GET /agent/v1/desired?after=GEN&wait_ms=MS`: the whole desired set once its
    /// generation is newer than `after`, or the current set when `wait` passes.
    async fn desired(
        &self,
        credential: &str,
        after: u64,
        wait: Duration,
    ) -> Result<DesiredState, ClientError>;

    /// `POST /agent/v1/report`: a heartbeat plus a batch of task reports.
    async fn report(
        &self,
        credential: &str,
        req: &ReportRequest,
    ) -> Result<ReportResponse, ClientError>;
}

/// [`ControlPlane`] over HTTP.
#[derive(Debug, Clone)]
pub struct HttpControlPlane {
    base: String,
    http: reqwest::Client,
}

impl HttpControlPlane {
    /// `base_url` is the server's root, for example `http://127.0.0.1:7070`.
    pub fn new(base_url: &str) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|e| ClientError::Transport(e.to_string()))?;
        Ok(Self {
            base: base_url.trim_end_matches('/').to_string(),
            http,
        })
    }

    async fn send<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let resp = req
            .send()
            .await
            .map_err(|e| ClientError::Transport(error_chain(&e)))?;
        let status = resp.status();
        if status.is_success() {
            return resp
                .json::<T>()
                .await
                .map_err(|e| ClientError::Decode(error_chain(&e)));
        }
        let body = resp.text().await.unwrap_or_default();
        let (error, message) = match serde_json::from_str::<AgentApiError>(&body) {
            Ok(e) => (e.error, e.message),
            Err(_) => (String::new(), body.chars().take(512).collect()),
        };
        Err(match status.as_u16() {
            401 => ClientError::Unauthorized(message),
            s @ 400..=499 => ClientError::Rejected {
                status: s,
                error,
                message,
            },
            s => ClientError::Transport(format!("HTTP {s}: {message}")),
        })
    }
}

/// reqwest's Display hides the cause ("error sending request"); include the chain.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

#[async_trait]
impl ControlPlane for HttpControlPlane {
    async fn register(
        &self,
        join_token: &str,
        req: &RegisterRequest,
    ) -> Result<RegisterResponse, ClientError> {
        let r = self
            .http
            .post(format!("{}/agent/v1/register", self.base))
            .bearer_auth(join_token)
            .timeout(REQUEST_TIMEOUT)
            .json(req);
        self.send(r).await
    }

    async fn desired(
        &self,
        credential: &str,
        after: u64,
        wait: Duration,
    ) -> Result<DesiredState, ClientError> {
        let r = self
            .http
            .get(format!(
                "{}/agent/v1/desired?after={after}&wait_ms={}",
                self.base,
                wait.as_millis()
            ))
            .bearer_auth(credential)
            .timeout(wait + LONG_POLL_SLACK);
        self.send(r).await
    }

    async fn report(
        &self,
        credential: &str,
        req: &ReportRequest,
    ) -> Result<ReportResponse, ClientError> {
        let r = self
            .http
            .post(format!("{}/agent/v1/report", self.base))
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT)
            .json(req);
        self.send(r).await
    }
}
