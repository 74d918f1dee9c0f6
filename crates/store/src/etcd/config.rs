//! Configuration of the etcd backend, and its one textual form, an `etcd://`
//! URL (what `--store` takes):
//!
//! ```text
//! etcd://[USER[:PASSWORD]@]HOST:PORT[,HOST:PORT...][/][?OPTION=VALUE&...]
//! ```
//!
//! Options (values percent-decoded, each at most once):
//! - `prefix`: the key prefix of this berth cluster (default `/berth`), so
//!   several clusters can share one etcd. Non-empty, at most 256 bytes.
//! - `ca`: PEM file of the CA that signed the members' certificates; turns TLS
//!   on (`https`). `cert` and `key`: PEM files of a client certificate and its
//!   key, for etcd's `--client-cert-auth`; they need `ca`.
//! - `password-file`: a file whose first line is the password of USER, so
//!   that the password is not in the command line.
//! - `timeout`: seconds a request may take before it fails (default 10).
//! - `connect-timeout`: seconds to connect to a member (default 3).
//! - `compaction-interval`: seconds between compactions of etcd's history
//!   (default 300; 0 turns it off when something else compacts etcd).
//!
//! One URL rather than a dozen flags: the store is chosen by one `--store`
//! value whatever the backend, as `sqlite:PATH` or `etcd://…`.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use percent_encoding::percent_decode_str;

use crate::error::StoreError;
use crate::watch::HistoryLimits;

/// Longest key prefix accepted: [`MAX_TXN_BYTES`](crate::MAX_TXN_BYTES)
/// leaves room for it on every key of a full txn.
pub const MAX_PREFIX_BYTES: usize = 256;

/// Where the etcd cluster is and how to talk to it.
#[derive(Clone)]
pub struct EtcdConfig {
    /// `host:port` of each member (or of a proxy in front of them).
    pub endpoints: Vec<String>,
    /// Prepended to every key berth stores.
    pub prefix: String,
    pub tls: Option<EtcdTls>,
    /// etcd's user and password authentication.
    pub user: Option<String>,
    pub password: Option<String>,
    /// How long a request may take. A txn without an answer by then fails
    /// with [`StoreError::Indeterminate`].
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    /// Watch history kept in memory (see [`crate::HistoryLimits`]).
    pub history: HistoryLimits,
    /// How often to compact etcd's history to the revision of the previous
    /// compaction tick (so at least one interval of history stays), as
    /// Kubernetes' API server does; `None` leaves compaction to etcd's
    /// `--auto-compaction-*` flags or an operator.
    pub compaction_interval: Option<Duration>,
}

/// TLS to the etcd members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EtcdTls {
    /// PEM of the CA that signed the members' serving certificates.
    pub ca: PathBuf,
    /// PEM certificate and key for client certificate authentication.
    pub client: Option<(PathBuf, PathBuf)>,
}

impl fmt::Debug for EtcdConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EtcdConfig")
            .field("endpoints", &self.endpoints)
            .field("prefix", &self.prefix)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("request_timeout", &self.request_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("history", &self.history)
            .field("compaction_interval", &self.compaction_interval)
            .finish()
    }
}

impl EtcdConfig {
    /// Plain-text access to `endpoints` with the defaults.
    pub fn new(endpoints: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            endpoints: endpoints.into_iter().map(Into::into).collect(),
            prefix: "/berth".to_string(),
            tls: None,
            user: None,
            password: None,
            request_timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(3),
            history: HistoryLimits::default(),
            compaction_interval: Some(Duration::from_secs(300)),
        }
    }

    /// Parses an `etcd://` URL (see the module docs). Reads `password-file`.
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        let rest = url.strip_prefix("etcd://").ok_or_else(|| {
            invalid(format!(
                "{url:?} is not an etcd URL: it must start with etcd://"
            ))
        })?;
        let (authority, query) = match rest.split_once('?') {
            Some((authority, query)) => (authority, Some(query)),
            None => (rest, None),
        };
        let authority = authority.strip_suffix('/').unwrap_or(authority);
        if authority.contains('/') {
            return Err(invalid(format!(
                "etcd URL {url:?} has a path; set the key prefix with ?prefix=…"
            )));
        }
        let (userinfo, hosts) = match authority.rsplit_once('@') {
            Some((userinfo, hosts)) => (Some(userinfo), hosts),
            None => (None, authority),
        };
        let endpoints = hosts
            .split(',')
            .map(parse_endpoint)
            .collect::<Result<Vec<_>, _>>()?;
        let mut config = Self::new(endpoints);
        if let Some(userinfo) = userinfo {
            let (user, password) = match userinfo.split_once(':') {
                Some((user, password)) => (user, Some(decode(password, "password")?)),
                None => (userinfo, None),
            };
            let user = decode(user, "user")?;
            if user.is_empty() {
                return Err(invalid("etcd URL has an empty user name".to_string()));
            }
            config.user = Some(user);
            config.password = password;
        }

        let mut seen = Vec::new();
        let (mut ca, mut cert, mut key) = (None, None, None);
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').ok_or_else(|| {
                invalid(format!(
                    "etcd URL option {pair:?} has no value (NAME=VALUE)"
                ))
            })?;
            if seen.contains(&name) {
                return Err(invalid(format!("etcd URL option {name:?} is given twice")));
            }
            seen.push(name);
            let value = decode(value, name)?;
            match name {
                "prefix" => config.prefix = value,
                "ca" => ca = Some(PathBuf::from(value)),
                "cert" => cert = Some(PathBuf::from(value)),
                "key" => key = Some(PathBuf::from(value)),
                "password-file" => {
                    let text = std::fs::read_to_string(&value).map_err(|e| {
                        invalid(format!("cannot read the etcd password file {value}: {e}"))
                    })?;
                    config.password = Some(text.lines().next().unwrap_or("").to_string());
                }
                "timeout" => config.request_timeout = seconds(name, &value, false)?,
                "connect-timeout" => config.connect_timeout = seconds(name, &value, false)?,
                "compaction-interval" => {
                    let interval = seconds(name, &value, true)?;
                    config.compaction_interval = (!interval.is_zero()).then_some(interval);
                }
                other => {
                    return Err(invalid(format!(
                        "unknown etcd URL option {other:?} (known: prefix, ca, cert, key, \
                         password-file, timeout, connect-timeout, compaction-interval)"
                    )))
                }
            }
        }
        if seen.contains(&"password-file") && userinfo.is_some_and(|u| u.contains(':')) {
            return Err(invalid(
                "etcd URL has both a password and password-file; give one".to_string(),
            ));
        }
        if config.password.is_some() && config.user.is_none() {
            return Err(invalid(
                "etcd URL has a password-file but no user (etcd://USER@HOST:PORT)".to_string(),
            ));
        }
        config.tls = match (ca, cert, key) {
            (None, None, None) => None,
            (None, _, _) => {
                return Err(invalid(
                    "etcd URL has cert or key without ca: client certificates need TLS, \
                     and TLS needs the CA of the members (ca=FILE)"
                        .to_string(),
                ))
            }
            (Some(ca), None, None) => Some(EtcdTls { ca, client: None }),
            (Some(ca), Some(cert), Some(key)) => Some(EtcdTls {
                ca,
                client: Some((cert, key)),
            }),
            (Some(_), _, _) => {
                return Err(invalid(
                    "etcd URL has only one of cert and key; a client certificate needs both"
                        .to_string(),
                ))
            }
        };
        config.validate()?;
        Ok(config)
    }

    /// Checks what [`EtcdConfig::parse`] checks, for configs built in code.
    pub fn validate(&self) -> Result<(), StoreError> {
        if self.endpoints.is_empty() {
            return Err(invalid("etcd config has no endpoints".to_string()));
        }
        if self.prefix.is_empty() || self.prefix.len() > MAX_PREFIX_BYTES {
            return Err(invalid(format!(
                "etcd key prefix {:?} must have 1 to {MAX_PREFIX_BYTES} bytes",
                self.prefix
            )));
        }
        if self.prefix.contains('\0') {
            return Err(invalid("etcd key prefix contains NUL".to_string()));
        }
        if self.request_timeout.is_zero() || self.connect_timeout.is_zero() {
            return Err(invalid("etcd timeouts must be positive".to_string()));
        }
        Ok(())
    }
}

impl FromStr for EtcdConfig {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self, Self::Err> {
        Self::parse(url)
    }
}

fn invalid(message: String) -> StoreError {
    StoreError::InvalidArgument(message)
}

fn decode(value: &str, what: &str) -> Result<String, StoreError> {
    percent_decode_str(value)
        .decode_utf8()
        .map(|v| v.into_owned())
        .map_err(|_| invalid(format!("etcd URL {what} is not UTF-8 once percent-decoded")))
}

/// `host:port` or `[v6]:port`, with the port a number.
fn parse_endpoint(endpoint: &str) -> Result<String, StoreError> {
    let (host, port) = endpoint.rsplit_once(':').ok_or_else(|| {
        invalid(format!(
            "etcd endpoint {endpoint:?} has no port (HOST:PORT; etcd listens on 2379)"
        ))
    })?;
    let bracketed = host.starts_with('[') && host.ends_with(']');
    if host.is_empty() || (host.contains(':') && !bracketed) {
        return Err(invalid(format!(
            "etcd endpoint {endpoint:?} is not HOST:PORT (IPv6 addresses go in brackets)"
        )));
    }
    if port.parse::<u16>().map_or(true, |p| p == 0) {
        return Err(invalid(format!(
            "etcd endpoint {endpoint:?} has port {port:?}; it must be 1 to 65535"
        )));
    }
    Ok(endpoint.to_string())
}

fn seconds(name: &str, value: &str, zero_ok: bool) -> Result<Duration, StoreError> {
    match value.parse::<u64>() {
        Ok(secs) if secs > 0 || zero_ok => Ok(Duration::from_secs(secs)),
        _ => Err(invalid(format!(
            "etcd URL option {name}={value:?} must be a whole number of seconds{}",
            if zero_ok { "" } else { " above 0" }
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(url: &str) -> String {
        match EtcdConfig::parse(url) {
            Err(StoreError::InvalidArgument(message)) => message,
            other => panic!("{url}: expected InvalidArgument, got {other:?}"),
        }
    }

    #[test]
    fn parses_endpoints_credentials_and_options() {
        let config = EtcdConfig::parse(
            "etcd://berth:p%40ss@10.0.0.1:2379,[::1]:2379,etcd-3.local:2379/?prefix=/prod&ca=/etc/ca.pem\
             &cert=/etc/c.pem&key=/etc/k.pem&timeout=4&compaction-interval=0",
        )
        .expect("parses");
        assert_eq!(
            config.endpoints,
            vec!["10.0.0.1:2379", "[::1]:2379", "etcd-3.local:2379"]
        );
        assert_eq!(config.user.as_deref(), Some("berth"));
        assert_eq!(config.password.as_deref(), Some("p@ss"));
        assert_eq!(config.prefix, "/prod");
        assert_eq!(
            config.tls,
            Some(EtcdTls {
                ca: "/etc/ca.pem".into(),
                client: Some(("/etc/c.pem".into(), "/etc/k.pem".into())),
            })
        );
        assert_eq!(config.request_timeout, Duration::from_secs(4));
        assert_eq!(config.compaction_interval, None);
        assert!(!format!("{config:?}").contains("p@ss"), "password redacted");

        let plain = EtcdConfig::parse("etcd://127.0.0.1:2379").expect("parses");
        assert_eq!(plain.prefix, "/berth");
        assert_eq!(plain.tls, None);
        assert_eq!(plain.compaction_interval, Some(Duration::from_secs(300)));
    }

    #[test]
    fn reads_the_password_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("pw");
        std::fs::write(&file, "s3cret\n").expect("write");
        let url = format!("etcd://berth@h:2379?password-file={}", file.display());
        let config = EtcdConfig::parse(&url).expect("parses");
        assert_eq!(config.password.as_deref(), Some("s3cret"));
        assert!(err(&format!(
            "etcd://b:x@h:2379?password-file={}",
            file.display()
        ))
        .contains("both a password and password-file"));
    }

    #[test]
    fn refuses_what_it_cannot_honour() {
        assert!(err("http://h:2379").contains("must start with etcd://"));
        assert!(err("etcd://h").contains("has no port"));
        assert!(err("etcd://h:0").contains("1 to 65535"));
        assert!(err("etcd://::1:2379").contains("brackets"));
        assert!(err("etcd://h:2379/berth").contains("?prefix="));
        assert!(err("etcd://h:2379?prefix=").contains("1 to 256 bytes"));
        assert!(err("etcd://h:2379?tls=1").contains("unknown etcd URL option \"tls\""));
        assert!(err("etcd://h:2379?prefix=/a&prefix=/b").contains("twice"));
        assert!(err("etcd://h:2379?cert=/c&key=/k").contains("without ca"));
        assert!(err("etcd://h:2379?ca=/a&cert=/c").contains("both"));
        assert!(err("etcd://h:2379?timeout=0").contains("above 0"));
        assert!(err("etcd://h:2379?timeout").contains("no value"));
        assert!(err("etcd://:pw@h:2379").contains("empty user"));
    }
}
