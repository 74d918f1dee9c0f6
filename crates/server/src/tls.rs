//! The server's own certificate authority and serving certificate, and the TLS listener.
//!
//! On first start `berth server` makes a CA and a server certificate signed by it, and
//! keeps them in its data directory (`ca.pem`, `ca-key.pem`, `server.pem`,
//! `server-key.pem`; key files are mode 0600). Later starts reuse them. The server
//! certificate is issued again, from the same CA, when it does not cover every requested
//! name or expires within [`RENEW_BEFORE`]: the CA is what clients pin (join tokens carry
//! its hash, `AWS_CA_BUNDLE` points at it), so it must never change by itself.
//!
//! [`TlsListener`] accepts TCP connections, runs each TLS handshake on its own task (a
//! slow client must not hold up the others), and hands finished streams to axum.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// The CA certificate, PEM. Clients trust it; join tokens carry its SHA-256.
pub const CA_CERT_FILE: &str = "ca.pem";
/// The CA's private key, PEM, mode 0600.
pub const CA_KEY_FILE: &str = "ca-key.pem";
/// The serving certificate, PEM.
pub const SERVER_CERT_FILE: &str = "server.pem";
/// The serving certificate's private key, PEM, mode 0600.
pub const SERVER_KEY_FILE: &str = "server-key.pem";

/// A serving certificate closer than this to expiry is issued again at start.
pub const RENEW_BEFORE: Duration = Duration::from_secs(30 * 24 * 3600);
const CA_VALIDITY_DAYS: i64 = 20 * 365;
const SERVER_VALIDITY_DAYS: i64 = 365;
/// A client that has not finished its handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Finished handshakes waiting for axum to accept them.
const ACCEPT_QUEUE: usize = 128;

/// Why the TLS material could not be loaded, made or used.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read or write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} holds no usable {what}")]
    Invalid { path: PathBuf, what: &'static str },
    #[error("{0:?} is neither an IP address nor a DNS name")]
    BadName(String),
    #[error("the CA certificate {ca} exists but its key {key} does not, so no server certificate can be issued")]
    MissingCaKey { ca: PathBuf, key: PathBuf },
    #[error("cannot generate a certificate")]
    Generate(#[from] rcgen::Error),
    #[error("cannot build the TLS configuration")]
    Rustls(#[from] rustls::Error),
}

/// The server's TLS material, loaded from (or created in) the data directory.
#[derive(Debug, Clone)]
pub struct TlsIdentity {
    /// The CA certificate, PEM, exactly as in `ca.pem` and as served at `/cacerts`.
    pub ca_pem: String,
    /// `DIR/ca.pem`: what `AWS_CA_BUNDLE` points at.
    pub ca_path: PathBuf,
    server_cert: CertificateDer<'static>,
    server_key_pem: String,
}

/// The provider berth uses everywhere (the AWS SDK already builds aws-lc-rs).
pub fn crypto_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

/// The names the serving certificate must cover: loopback, `localhost`, the listen
/// address unless it is a wildcard, and the extra names given (`--tls-san`).
pub fn server_names(listen: SocketAddr, extra: &[String]) -> Vec<String> {
    let mut names = vec![
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
        "localhost".to_owned(),
    ];
    if listen.ip().is_unspecified() {
        // Every address: at least the host's name and its primary address.
        names.extend(host_name());
        names.extend(primary_ip().map(|ip| ip.to_string()));
    } else {
        names.push(listen.ip().to_string());
    }
    names.extend(extra.iter().map(|n| n.trim().to_owned()));
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| !n.is_empty() && seen.insert(n.clone()));
    names
}

fn host_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?;
    let name = name.trim();
    ServerName::try_from(name).is_ok().then(|| name.to_owned())
}

/// The address of the default route's interface: connecting a UDP socket sends nothing.
fn primary_ip() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

impl TlsIdentity {
    /// Loads the CA and serving certificate from `dir`, creating what is missing, and
    /// issuing the serving certificate again if it does not cover `names` or expires soon.
    pub fn load_or_create(dir: &Path, names: &[String]) -> Result<Self, TlsError> {
        for name in names {
            ServerName::try_from(name.as_str()).map_err(|_| TlsError::BadName(name.clone()))?;
        }
        let ca_path = dir.join(CA_CERT_FILE);
        let ca_key_path = dir.join(CA_KEY_FILE);
        if !ca_path.exists() {
            let key = KeyPair::generate()?;
            let cert = ca_params().self_signed(&key)?;
            // The key first: a CA certificate without its key could never issue again.
            write_file(&ca_key_path, key.serialize_pem().as_bytes(), 0o600)?;
            write_file(&ca_path, cert.pem().as_bytes(), 0o644)?;
            tracing::info!(path = %ca_path.display(), "created the server CA");
        }
        let ca_pem = read_string(&ca_path)?;
        let ca_der =
            CertificateDer::from_pem_slice(ca_pem.as_bytes()).map_err(|_| TlsError::Invalid {
                path: ca_path.clone(),
                what: "certificate",
            })?;
        let cert_path = dir.join(SERVER_CERT_FILE);
        let key_path = dir.join(SERVER_KEY_FILE);
        if let Some(existing) = load_server(&cert_path, &key_path, &ca_der, names) {
            return Ok(Self {
                ca_pem,
                ca_path,
                server_cert: existing.0,
                server_key_pem: existing.1,
            });
        }
        if !ca_key_path.exists() {
            return Err(TlsError::MissingCaKey {
                ca: ca_path,
                key: ca_key_path,
            });
        }
        let ca_key =
            KeyPair::from_pem(&read_string(&ca_key_path)?).map_err(|_| TlsError::Invalid {
                path: ca_key_path.clone(),
                what: "private key",
            })?;
        // rcgen signs with the issuer's name, key identifier method and key: the same
        // parameters as at creation, so the new certificate chains to the stored CA.
        let issuer = Issuer::new(ca_params(), ca_key);
        let key = KeyPair::generate()?;
        let cert = leaf_params(names)?.signed_by(&key, &issuer)?;
        write_file(&key_path, key.serialize_pem().as_bytes(), 0o600)?;
        write_file(&cert_path, cert.pem().as_bytes(), 0o644)?;
        tracing::info!(path = %cert_path.display(), ?names, "issued the server certificate");
        Ok(Self {
            ca_pem,
            ca_path,
            server_cert: cert.der().clone(),
            server_key_pem: key.serialize_pem(),
        })
    }

    /// The rustls configuration that serves the certificate (chain: server, then CA).
    pub fn server_config(&self) -> Result<rustls::ServerConfig, TlsError> {
        let ca = CertificateDer::from_pem_slice(self.ca_pem.as_bytes()).map_err(|_| {
            TlsError::Invalid {
                path: self.ca_path.clone(),
                what: "certificate",
            }
        })?;
        let key = PrivateKeyDer::from_pem_slice(self.server_key_pem.as_bytes()).map_err(|_| {
            TlsError::Invalid {
                path: PathBuf::from(SERVER_KEY_FILE),
                what: "private key",
            }
        })?;
        let mut config = rustls::ServerConfig::builder_with_provider(crypto_provider())
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_single_cert(vec![self.server_cert.clone(), ca], key)?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(config)
    }
}

fn ca_params() -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut name = DistinguishedName::new();
    name.push(DnType::OrganizationName, "berth");
    name.push(DnType::CommonName, "berth server CA");
    params.distinguished_name = name;
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(CA_VALIDITY_DAYS);
    params
}

fn leaf_params(names: &[String]) -> Result<CertificateParams, TlsError> {
    let mut params = CertificateParams::new(names.to_vec())?;
    let mut name = DistinguishedName::new();
    name.push(DnType::OrganizationName, "berth");
    name.push(DnType::CommonName, "berth server");
    params.distinguished_name = name;
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    // Strict verifiers (Python 3.13's VERIFY_X509_STRICT) require it.
    params.use_authority_key_identifier_extension = true;
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(SERVER_VALIDITY_DAYS);
    Ok(params)
}

/// The stored serving certificate and key, if they chain to the CA, cover every name and
/// stay valid for [`RENEW_BEFORE`]; anything else means "issue a new one".
fn load_server(
    cert_path: &Path,
    key_path: &Path,
    ca: &CertificateDer<'static>,
    names: &[String],
) -> Option<(CertificateDer<'static>, String)> {
    use rustls::client::danger::ServerCertVerifier;
    let cert = CertificateDer::from_pem_file(cert_path).ok()?;
    let key_pem = std::fs::read_to_string(key_path).ok()?;
    PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).ok()?;
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.clone()).ok()?;
    let verifier = rustls::client::WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        crypto_provider(),
    )
    .build()
    .ok()?;
    let later = UnixTime::since_unix_epoch(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            + RENEW_BEFORE,
    );
    for name in names {
        let server_name = ServerName::try_from(name.clone()).ok()?;
        if let Err(err) = verifier.verify_server_cert(&cert, &[], &server_name, &[], later) {
            tracing::info!(%name, error = %err, "the stored server certificate will be replaced");
            return None;
        }
    }
    Some((cert, key_pem))
}

fn read_string(path: &Path) -> Result<String, TlsError> {
    std::fs::read_to_string(path).map_err(|source| TlsError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes a file atomically (temporary file, fsync, rename) with the given mode.
fn write_file(path: &Path, contents: &[u8], mode: u32) -> Result<(), TlsError> {
    use std::os::unix::fs::OpenOptionsExt;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TlsError::Io { path, source }
    };
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("tls");
    let temp = path.with_file_name(format!(".{file_name}.tmp"));
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(mode)
        .open(&temp)
        .map_err(io(&temp))?;
    file.write_all(contents).map_err(io(&temp))?;
    file.sync_all().map_err(io(&temp))?;
    drop(file);
    std::fs::rename(&temp, path).map_err(io(path))
}

/// A listener for `axum::serve` that yields TLS streams.
pub struct TlsListener {
    streams: mpsc::Receiver<(tokio_rustls::server::TlsStream<TcpStream>, SocketAddr)>,
    addr: SocketAddr,
}

impl TlsListener {
    /// Starts accepting on `listener` until `cancel` fires; the TCP listener is closed then.
    pub fn new(
        listener: TcpListener,
        config: rustls::ServerConfig,
        cancel: CancellationToken,
    ) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let (tx, streams) = mpsc::channel(ACCEPT_QUEUE);
        tokio::spawn(accept_loop(listener, acceptor, tx, cancel));
        Ok(Self { streams, addr })
    }
}

async fn accept_loop(
    listener: TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
    tx: mpsc::Sender<(tokio_rustls::server::TlsStream<TcpStream>, SocketAddr)>,
    cancel: CancellationToken,
) {
    loop {
        let accepted = tokio::select! {
            _ = cancel.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        let (tcp, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(err) => {
                // Out of file descriptors and the like: wait a little, as axum does.
                tracing::warn!(error = %err, "accepting a connection failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let acceptor = acceptor.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(stream)) => {
                    let _ = tx.send((stream, peer)).await;
                }
                // Scanners and clients that do not trust the CA end here; not worth a warning.
                Ok(Err(err)) => tracing::debug!(%peer, error = %err, "TLS handshake failed"),
                Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
            }
        });
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.streams.recv().await {
            Some(accepted) => accepted,
            // The accept loop stopped (shutdown): axum's graceful shutdown ends serving.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        server_names(
            "127.0.0.1:0".parse().expect("addr"),
            &["berth.example".into()],
        )
    }

    #[test]
    fn creates_then_reuses_and_reissues_for_new_names() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = TlsIdentity::load_or_create(dir.path(), &names()).expect("create");
        first.server_config().expect("a server config");
        let key_mode = |f: &str| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(dir.path().join(f))
                .expect("metadata")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(key_mode(CA_KEY_FILE), 0o600);
        assert_eq!(key_mode(SERVER_KEY_FILE), 0o600);

        let again = TlsIdentity::load_or_create(dir.path(), &names()).expect("reuse");
        assert_eq!(again.ca_pem, first.ca_pem);
        assert_eq!(
            again.server_cert, first.server_cert,
            "the server certificate is reused"
        );

        let mut more = names();
        more.push("10.1.2.3".into());
        let reissued = TlsIdentity::load_or_create(dir.path(), &more).expect("reissue");
        assert_eq!(reissued.ca_pem, first.ca_pem, "the CA never changes");
        assert_ne!(reissued.server_cert, first.server_cert);
        // The new certificate chains to the stored CA and covers the new name.
        let ca = CertificateDer::from_pem_slice(first.ca_pem.as_bytes()).expect("ca");
        assert!(load_server(
            &dir.path().join(SERVER_CERT_FILE),
            &dir.path().join(SERVER_KEY_FILE),
            &ca,
            &more
        )
        .is_some());
    }

    #[test]
    fn names_cover_loopback_and_the_listen_address_once() {
        let names = server_names(
            "10.0.0.5:8443".parse().expect("addr"),
            &["10.0.0.5".into(), " berth.example ".into(), String::new()],
        );
        assert_eq!(
            names,
            ["127.0.0.1", "::1", "localhost", "10.0.0.5", "berth.example"]
        );
    }

    #[test]
    fn rejects_bad_names() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = TlsIdentity::load_or_create(dir.path(), &["not a name!".into()])
            .expect_err("a bad name");
        assert!(matches!(err, TlsError::BadName(_)), "{err}");
    }
}
