//! The agent's side of the agent protocol: the [`ControlPlane`] trait the agent talks
//! through, and its HTTP implementation over `/agent/v1` (see `berth_api::protocol`).
//!
//! Tokens are passed per call, because the agent changes them: the join token for
//! `register`, then the instance credential for everything else.
//!
//! Over HTTPS the client trusts exactly one CA: the server's own, pinned as k3s does. A
//! join token `K10<sha256 of the CA certificate>::<secret>` carries the CA's hash; on
//! first start the agent fetches the CA from `GET /cacerts` without verification, checks
//! the hash, stores the CA in its data directory ([`pinned_ca`]) and from then on talks
//! only to a server whose certificate chains to it. Only the secret is sent to the server.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use berth_api::protocol::{
    AgentApiError, DesiredState, ExecGrants, LogBatch, LogBatchResponse, LogStreamRequest,
    LogStreamTarget, RegisterRequest, RegisterResponse, ReportRequest, ReportResponse,
    TaskCredentials, TaskSecrets, TaskTags, EXEC_SECRET_HEADER,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

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

    /// `GET /agent/v1/tasks/secrets?task=ARN`: the task's secrets, resolved now with its
    /// execution role. A control plane without secret stores has none to give.
    async fn task_secrets(
        &self,
        _credential: &str,
        task_arn: &str,
    ) -> Result<TaskSecrets, ClientError> {
        Err(unsupported("task secrets", task_arn))
    }

    /// `GET /agent/v1/tasks/credentials?task=ARN`: temporary credentials for the task's
    /// role.
    async fn task_credentials(
        &self,
        _credential: &str,
        task_arn: &str,
    ) -> Result<TaskCredentials, ClientError> {
        Err(unsupported("task role credentials", task_arn))
    }

    /// `GET /agent/v1/tasks/tags?task=ARN`: the task's and the instance's tags, now.
    async fn task_tags(&self, _credential: &str, task_arn: &str) -> Result<TaskTags, ClientError> {
        Err(unsupported("task tags", task_arn))
    }

    /// `POST /agent/v1/logs/open`: prepares an awslogs container's log stream and says
    /// where shipping resumes.
    async fn open_log_stream(
        &self,
        _credential: &str,
        req: &LogStreamRequest,
    ) -> Result<LogStreamTarget, ClientError> {
        Err(unsupported("log shipping", &req.task_arn))
    }

    /// `POST /agent/v1/logs/put`: stores a batch of an awslogs container's lines.
    async fn put_logs(
        &self,
        _credential: &str,
        batch: &LogBatch,
    ) -> Result<LogBatchResponse, ClientError> {
        Err(unsupported("log shipping", &batch.task_arn))
    }

    /// `GET /agent/v1/exec/grants?wait_ms=MS`: the ECS Exec sessions the server granted
    /// this instance, long-polled. A control plane without exec grants none.
    async fn exec_grants(
        &self,
        _credential: &str,
        wait: Duration,
    ) -> Result<ExecGrants, ClientError> {
        tokio::time::sleep(wait).await;
        Ok(ExecGrants::default())
    }

    /// `GET /agent/v1/exec/sessions/{id}` as a WebSocket: attaches to a granted session.
    async fn exec_attach(
        &self,
        _credential: &str,
        session_id: &str,
        _secret: &str,
    ) -> Result<crate::websocket::Socket, ClientError> {
        Err(unsupported("exec sessions", session_id))
    }
}

/// The refusal of a control plane that does not offer a call (test doubles).
fn unsupported(what: &str, task_arn: &str) -> ClientError {
    ClientError::Rejected {
        status: 501,
        error: "unsupported".into(),
        message: format!("this control plane does not provide {what} (task {task_arn})"),
    }
}

/// [`ControlPlane`] over HTTP.
#[derive(Debug, Clone)]
pub struct HttpControlPlane {
    base: String,
    http: reqwest::Client,
    /// The pinned TLS configuration of an `https` server, for WebSockets.
    tls: Option<Arc<rustls::ClientConfig>>,
}

impl HttpControlPlane {
    /// `base_url` is the server's root, for example `http://127.0.0.1:7070`. An `https`
    /// server needs [`HttpControlPlane::with_ca`].
    pub fn new(base_url: &str) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|e| ClientError::Transport(e.to_string()))?;
        Ok(Self {
            base: base_url.trim_end_matches('/').to_string(),
            http,
            tls: None,
        })
    }

    /// A client for an `https` server that trusts exactly the CA in `ca_pem`.
    pub fn with_ca(base_url: &str, ca_pem: &str) -> Result<Self, TrustError> {
        let tls = pinned_tls_config(ca_pem)?;
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(tls.clone())
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|e| TrustError::Client(error_chain(&e)))?;
        Ok(Self {
            base: base_url.trim_end_matches('/').to_string(),
            http,
            tls: Some(Arc::new(tls)),
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

    async fn task_secrets(
        &self,
        credential: &str,
        task_arn: &str,
    ) -> Result<TaskSecrets, ClientError> {
        let r = self
            .http
            .get(format!("{}/agent/v1/tasks/secrets", self.base))
            .query(&[("task", task_arn)])
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT);
        self.send(r).await
    }

    async fn task_credentials(
        &self,
        credential: &str,
        task_arn: &str,
    ) -> Result<TaskCredentials, ClientError> {
        let r = self
            .http
            .get(format!("{}/agent/v1/tasks/credentials", self.base))
            .query(&[("task", task_arn)])
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT);
        self.send(r).await
    }

    async fn task_tags(&self, credential: &str, task_arn: &str) -> Result<TaskTags, ClientError> {
        let r = self
            .http
            .get(format!("{}/agent/v1/tasks/tags", self.base))
            .query(&[("task", task_arn)])
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT);
        self.send(r).await
    }

    async fn open_log_stream(
        &self,
        credential: &str,
        req: &LogStreamRequest,
    ) -> Result<LogStreamTarget, ClientError> {
        let r = self
            .http
            .post(format!("{}/agent/v1/logs/open", self.base))
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT)
            .json(req);
        self.send(r).await
    }

    async fn put_logs(
        &self,
        credential: &str,
        batch: &LogBatch,
    ) -> Result<LogBatchResponse, ClientError> {
        let r = self
            .http
            .post(format!("{}/agent/v1/logs/put", self.base))
            .bearer_auth(credential)
            .timeout(REQUEST_TIMEOUT)
            .json(batch);
        self.send(r).await
    }

    async fn exec_grants(
        &self,
        credential: &str,
        wait: Duration,
    ) -> Result<ExecGrants, ClientError> {
        let r = self
            .http
            .get(format!(
                "{}/agent/v1/exec/grants?wait_ms={}",
                self.base,
                wait.as_millis()
            ))
            .bearer_auth(credential)
            .timeout(wait + LONG_POLL_SLACK);
        self.send(r).await
    }

    async fn exec_attach(
        &self,
        credential: &str,
        session_id: &str,
        secret: &str,
    ) -> Result<crate::websocket::Socket, ClientError> {
        let url = format!(
            "{}/agent/v1/exec/sessions/{session_id}",
            self.base
                .replacen("https://", "wss://", 1)
                .replacen("http://", "ws://", 1)
        );
        let authorization = format!("Bearer {credential}");
        crate::websocket::connect(
            &url,
            &[
                ("authorization", &authorization),
                (EXEC_SECRET_HEADER, secret),
            ],
            self.tls.clone(),
        )
        .await
        .map_err(|e| match e {
            crate::websocket::ConnectError::Refused { status: 401, .. } => {
                ClientError::Unauthorized(e.to_string())
            }
            crate::websocket::ConnectError::Refused { status, ref body } => ClientError::Rejected {
                status,
                error: "refused".into(),
                message: body.clone(),
            },
            other => ClientError::Transport(other.to_string()),
        })
    }
}

/// The CA file an agent keeps in its data directory.
pub const CA_FILE: &str = "ca.pem";
/// The prefix of a join token that pins the server's CA (as k3s's "K10" tokens).
const TOKEN_PREFIX: &str = "K10";

/// What establishing trust in a server's CA can fail with.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("the join token is malformed: {0}")]
    BadToken(String),
    #[error("{0} holds no PEM certificate")]
    BadCertificate(String),
    #[error("the server's CA certificate has SHA-256 {actual}, but the join token expects {expected}; refusing to trust this server")]
    CaMismatch { expected: String, actual: String },
    #[error("the server is https, but the agent has no stored CA ({path}) and no join token that pins one (K10<ca hash>::<secret>)")]
    NoCa { path: String },
    #[error("cannot read or write {path}: {message}")]
    Io { path: String, message: String },
    #[error("cannot build an HTTPS client: {0}")]
    Client(String),
    #[error("cannot fetch the server's CA: {0}")]
    Fetch(String),
}

/// A join token: the server's CA hash (absent for a bare secret, usable over plain HTTP)
/// and the secret the server checks.
#[derive(Clone, PartialEq, Eq)]
pub struct JoinToken {
    /// Lowercase hex SHA-256 of the CA certificate's DER.
    pub ca_hash: Option<String>,
    pub secret: String,
}

impl std::fmt::Debug for JoinToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoinToken")
            .field("ca_hash", &self.ca_hash)
            .finish_non_exhaustive()
    }
}

impl JoinToken {
    /// Parses `K10<64 hex>::<secret>`, or a bare secret.
    pub fn parse(token: &str) -> Result<Self, TrustError> {
        let token = token.trim();
        let Some(rest) = token
            .strip_prefix(TOKEN_PREFIX)
            .filter(|r| r.contains("::"))
        else {
            if token.is_empty() || token.contains(char::is_whitespace) {
                return Err(TrustError::BadToken(
                    "it is empty or contains spaces".into(),
                ));
            }
            return Ok(Self {
                ca_hash: None,
                secret: token.to_owned(),
            });
        };
        let (hash, secret) = rest.split_once("::").unwrap_or((rest, ""));
        if hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(TrustError::BadToken(
                "the CA hash after K10 must be 64 hexadecimal characters".into(),
            ));
        }
        if secret.is_empty() || secret.contains(char::is_whitespace) {
            return Err(TrustError::BadToken(
                "the secret after '::' is empty or contains spaces".into(),
            ));
        }
        Ok(Self {
            ca_hash: Some(hash.to_ascii_lowercase()),
            secret: secret.to_owned(),
        })
    }

    /// `K10<ca hash>::<secret>`.
    pub fn format(ca_hash: &str, secret: &str) -> String {
        format!("{TOKEN_PREFIX}{ca_hash}::{secret}")
    }
}

/// Lowercase hex SHA-256 of the first certificate's DER in `pem`: what tokens pin.
pub fn ca_fingerprint(pem: &str) -> Result<String, TrustError> {
    let der = CertificateDer::from_pem_slice(pem.as_bytes())
        .map_err(|_| TrustError::BadCertificate("the CA".into()))?;
    Ok(hex::encode(Sha256::digest(der.as_ref())))
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

/// A reqwest builder whose TLS trusts the CA in `ca_pem` and nothing else.
pub fn pinned_client(ca_pem: &str) -> Result<reqwest::ClientBuilder, TrustError> {
    Ok(reqwest::Client::builder().use_preconfigured_tls(pinned_tls_config(ca_pem)?))
}

/// A TLS client configuration that trusts exactly the CA (or CAs) in `ca_pem`.
pub fn pinned_tls_config(ca_pem: &str) -> Result<rustls::ClientConfig, TrustError> {
    let mut roots = rustls::RootCertStore::empty();
    let mut added = 0;
    for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        let cert = cert.map_err(|_| TrustError::BadCertificate("the CA".into()))?;
        roots
            .add(cert)
            .map_err(|e| TrustError::Client(e.to_string()))?;
        added += 1;
    }
    if added == 0 {
        return Err(TrustError::BadCertificate("the CA".into()));
    }
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| TrustError::Client(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

/// Accepts any server certificate (handshake signatures are still checked). Used only to
/// download `/cacerts`, whose content is then checked against the token's hash.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Downloads `GET /cacerts` without verifying the server, and returns it only if its
/// SHA-256 is `expected_hash`.
pub async fn fetch_ca(base_url: &str, expected_hash: &str) -> Result<String, TrustError> {
    let provider = provider();
    let config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TrustError::Client(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider)))
        .with_no_client_auth();
    let http = reqwest::Client::builder()
        .use_preconfigured_tls(config)
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| TrustError::Client(error_chain(&e)))?;
    let url = format!("{}/cacerts", base_url.trim_end_matches('/'));
    let response = http
        .get(&url)
        .send()
        .await
        .map_err(|e| TrustError::Fetch(error_chain(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(TrustError::Fetch(format!("GET {url}: HTTP {status}")));
    }
    let pem = response
        .text()
        .await
        .map_err(|e| TrustError::Fetch(error_chain(&e)))?;
    let actual =
        ca_fingerprint(&pem).map_err(|_| TrustError::BadCertificate(format!("GET {url}")))?;
    if !actual.eq_ignore_ascii_case(expected_hash) {
        return Err(TrustError::CaMismatch {
            expected: expected_hash.to_owned(),
            actual,
        });
    }
    Ok(pem)
}

/// The CA to trust for an `https` server: the one stored in `data_dir` (unless the token
/// pins another), else the server's, fetched and checked against the token's hash and
/// then stored. Retries an unreachable server with backoff; `Ok(None)` when cancelled.
pub async fn pinned_ca(
    server_url: &str,
    data_dir: &Path,
    token: Option<&JoinToken>,
    max_backoff: Duration,
    cancel: &CancellationToken,
) -> Result<Option<String>, TrustError> {
    let path = data_dir.join(CA_FILE);
    let io = |e: std::io::Error| TrustError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let expected = token.and_then(|t| t.ca_hash.as_deref());
    match std::fs::read_to_string(&path) {
        Ok(stored) => {
            let hash = ca_fingerprint(&stored)
                .map_err(|_| TrustError::BadCertificate(path.display().to_string()))?;
            match expected {
                Some(expected) if !hash.eq_ignore_ascii_case(expected) => {
                    tracing::warn!(stored = %hash, %expected, "the join token pins another CA; fetching it");
                }
                _ => return Ok(Some(stored)),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let Some(expected) = expected else {
        return Err(TrustError::NoCa {
            path: path.display().to_string(),
        });
    };
    let mut backoff = crate::backoff::Backoff::new(Duration::from_millis(200), max_backoff);
    let pem = loop {
        let fetched = tokio::select! {
            _ = cancel.cancelled() => return Ok(None),
            fetched = fetch_ca(server_url, expected) => fetched,
        };
        match fetched {
            Ok(pem) => break pem,
            Err(TrustError::Fetch(message)) => {
                let delay = backoff.next_delay();
                tracing::warn!(%message, ?delay, "cannot fetch the server's CA; retrying");
                tokio::select! {
                    _ = cancel.cancelled() => return Ok(None),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
            Err(other) => return Err(other),
        }
    };
    std::fs::create_dir_all(data_dir).map_err(io)?;
    let temp = data_dir.join(format!(".{CA_FILE}.tmp"));
    std::fs::write(&temp, &pem).map_err(io)?;
    std::fs::rename(&temp, &path).map_err(io)?;
    tracing::info!(path = %path.display(), hash = %expected, "stored the server's CA");
    Ok(Some(pem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tokens() {
        let hash = "ab".repeat(32);
        let token = JoinToken::parse(&JoinToken::format(&hash, "s3cret")).expect("valid");
        assert_eq!(token.ca_hash.as_deref(), Some(hash.as_str()));
        assert_eq!(token.secret, "s3cret");
        let bare = JoinToken::parse("plainsecret").expect("a bare secret");
        assert_eq!(bare.ca_hash, None);
        assert_eq!(bare.secret, "plainsecret");
        for bad in ["", "K10abc::secret", &format!("K10{hash}::"), "two words"] {
            assert!(JoinToken::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn refuses_bad_pem() {
        assert!(ca_fingerprint("not a certificate").is_err());
        assert!(pinned_client("").is_err());
    }
}
