//! Validation of a container's `logConfiguration` at registration: which log drivers berth
//! offers, and the options each of them reads.
//!
//! Docker refuses an unknown log option only when the container is created, long after
//! RegisterTaskDefinition answered; checking here turns that late failure (or, worse, an
//! option a driver quietly ignores) into an error at the call that names the option. The
//! option lists are Docker's for `json-file`, `syslog` and `journald`, and the `awslogs`
//! options the ECS documentation lists, plus Docker's `mode` and `max-buffer-size`, which
//! every driver accepts.
//!
//! `awslogs` is berth's own driver: the agent ships the lines to the server's CloudWatch
//! Logs API (`agent/src/log_shipping`), Docker keeps them underneath with its `local`
//! driver (where `mode` and `max-buffer-size` apply). It applies `awslogs-group`,
//! `awslogs-stream`, `awslogs-stream-prefix`, `awslogs-create-group`,
//! `awslogs-max-buffered-events` (the agent's backlog) and
//! `awslogs-force-flush-interval-seconds` (the agent ships sooner: as soon as the previous
//! batch is acknowledged), and checks `awslogs-region` against the server's region (at
//! registration, `task_definitions.rs`). It refuses what it does not do: another endpoint
//! or credentials endpoint (lines always go to the agent's server), the embedded metric
//! format, a `tag` template, and multi-line events (`awslogs-datetime-format`,
//! `awslogs-multiline-pattern`).
//!
//! Pure: only `berth_api` and `std`.

use berth_api::ecs::{LogConfiguration, LogDriver};

/// Options Docker accepts for every driver.
const COMMON: &[&str] = &["mode", "max-buffer-size"];
/// Docker's label and environment attribute options.
const ATTRIBUTES: &[&str] = &["labels", "labels-regex", "env", "env-regex"];

const JSON_FILE: &[&str] = &["max-size", "max-file", "compress"];
const SYSLOG: &[&str] = &[
    "syslog-address",
    "syslog-facility",
    "syslog-tls-ca-cert",
    "syslog-tls-cert",
    "syslog-tls-key",
    "syslog-tls-skip-verify",
    "syslog-format",
    "tag",
];
const JOURNALD: &[&str] = &["tag"];
const AWSLOGS: &[&str] = &[
    "awslogs-region",
    "awslogs-endpoint",
    "awslogs-group",
    "awslogs-stream",
    "awslogs-stream-prefix",
    "awslogs-create-group",
    "awslogs-datetime-format",
    "awslogs-multiline-pattern",
    "awslogs-credentials-endpoint",
    "awslogs-force-flush-interval-seconds",
    "awslogs-max-buffered-events",
    "awslogs-format",
    "tag",
];
/// awslogs options berth's agent does not apply, and why.
const AWSLOGS_REFUSED: &[(&str, &str)] = &[
    (
        "awslogs-endpoint",
        "the agent ships lines to its own berth server, whose CloudWatch Logs API serves them",
    ),
    (
        "awslogs-credentials-endpoint",
        "the agent ships lines with its own credential, not AWS credentials",
    ),
    (
        "awslogs-format",
        "the embedded metric format is not available",
    ),
    (
        "tag",
        "stream names come from 'awslogs-stream' or 'awslogs-stream-prefix'",
    ),
    (
        "awslogs-datetime-format",
        "multi-line events are not available; each line is one event",
    ),
    (
        "awslogs-multiline-pattern",
        "multi-line events are not available; each line is one event",
    ),
];

const SYSLOG_FACILITIES: &[&str] = &[
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv",
    "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
];

/// Why a `logConfiguration` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogConfigError {
    /// The driver is not one berth offers; the message names it.
    UnsupportedDriver(String),
    /// `secretOptions` were given.
    SecretOptions,
    /// An option the driver does not have, or a value it cannot read.
    Option(String),
}

/// Checks a container's log configuration.
pub fn check(config: &LogConfiguration) -> Result<(), LogConfigError> {
    let driver = config.log_driver;
    let own: &[&str] = match driver {
        LogDriver::JsonFile => JSON_FILE,
        LogDriver::Syslog => SYSLOG,
        LogDriver::Journald => JOURNALD,
        LogDriver::Awslogs => AWSLOGS,
        LogDriver::Splunk | LogDriver::Gelf | LogDriver::Fluentd | LogDriver::Awsfirelens => {
            return Err(LogConfigError::UnsupportedDriver(format!(
                "The '{}' log driver is not available on berth; use json-file, syslog, journald \
                 or awslogs.",
                driver.as_str()
            )))
        }
    };
    if config
        .secret_options
        .as_ref()
        .is_some_and(|s| !s.is_empty())
    {
        return Err(LogConfigError::SecretOptions);
    }
    let options = config.options.clone().unwrap_or_default();
    let driver_name = driver.as_str();
    let bad = |message: String| Err(LogConfigError::Option(message));
    for (name, value) in &options {
        let known = COMMON.contains(&name.as_str())
            || own.contains(&name.as_str())
            || (driver != LogDriver::Awslogs && ATTRIBUTES.contains(&name.as_str()));
        if !known {
            return bad(format!(
                "The '{driver_name}' log driver has no option '{name}'. Its options are: {}.",
                own.iter()
                    .chain(COMMON)
                    .chain(if driver == LogDriver::Awslogs {
                        [].iter()
                    } else {
                        ATTRIBUTES.iter()
                    })
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let value_problem = match name.as_str() {
            "mode" => (!matches!(value.as_str(), "blocking" | "non-blocking"))
                .then(|| "must be 'blocking' or 'non-blocking'".to_owned()),
            "max-buffer-size" | "max-size" => (size_in_bytes(value).is_none()
                && !(name == "max-size" && value == "-1"))
                .then(|| "must be a size such as '10m' or '512k'".to_owned()),
            "max-file" => (!value.parse::<u32>().is_ok_and(|n| n >= 1))
                .then(|| "must be a whole number of files, 1 or more".to_owned()),
            "compress" | "syslog-tls-skip-verify" | "awslogs-create-group" => {
                (!matches!(value.as_str(), "true" | "false"))
                    .then(|| "must be 'true' or 'false'".to_owned())
            }
            "syslog-address" => (!syslog_address_ok(value)).then(|| {
                "must be tcp://, udp://, tcp+tls://host:port, or unix:// or unixgram:// and a path"
                    .to_owned()
            }),
            "syslog-facility" => (!SYSLOG_FACILITIES.contains(&value.as_str())
                && !value.parse::<u8>().is_ok_and(|n| n <= 23))
            .then(|| {
                "must be a syslog facility name (such as 'daemon' or 'local0') or 0-23".to_owned()
            }),
            "syslog-format" => {
                (!matches!(value.as_str(), "" | "rfc5424" | "rfc5424micro" | "rfc3164"))
                    .then(|| "must be 'rfc5424', 'rfc5424micro' or 'rfc3164'".to_owned())
            }
            "awslogs-force-flush-interval-seconds" | "awslogs-max-buffered-events" => {
                (!value.parse::<u32>().is_ok_and(|n| n >= 1))
                    .then(|| "must be a whole number, 1 or more".to_owned())
            }
            "awslogs-format" => (value != "json/emf").then(|| "must be 'json/emf'".to_owned()),
            _ => None,
        };
        if let Some(problem) = value_problem {
            return bad(format!(
                "The '{driver_name}' log option '{name}' {problem}; '{value}' was given."
            ));
        }
    }
    match driver {
        LogDriver::JsonFile => {
            let capped = options.get("max-size").is_some_and(|size| size != "-1");
            let files: u32 = options
                .get("max-file")
                .and_then(|f| f.parse().ok())
                .unwrap_or(1);
            if files > 1 && !capped {
                return bad(
                    "The 'json-file' log option 'max-file' needs 'max-size': without a size cap \
                     Docker never rotates to another file."
                        .to_owned(),
                );
            }
            if options.get("compress").is_some_and(|c| c == "true") && files < 2 {
                return bad(
                    "The 'json-file' log option 'compress' needs 'max-file' of 2 or more: only \
                     rotated files are compressed."
                        .to_owned(),
                );
            }
        }
        LogDriver::Awslogs => {
            for required in ["awslogs-group", "awslogs-region"] {
                if options.get(required).is_none_or(|v| v.trim().is_empty()) {
                    return bad(format!(
                        "The 'awslogs' log driver needs the option '{required}'."
                    ));
                }
            }
            if options.contains_key("awslogs-datetime-format")
                && options.contains_key("awslogs-multiline-pattern")
            {
                return bad("The 'awslogs' log options 'awslogs-datetime-format' and \
                     'awslogs-multiline-pattern' cannot both be set; keep one."
                    .to_owned());
            }
            if let Some((name, why)) = AWSLOGS_REFUSED
                .iter()
                .find(|(name, _)| options.contains_key(*name))
            {
                return bad(format!(
                    "The 'awslogs' log option '{name}' is not available on berth: {why}."
                ));
            }
            let group = &options["awslogs-group"];
            if !group
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#'))
                || group.len() > 512
            {
                return bad(format!(
                    "The 'awslogs' log option 'awslogs-group' must be a log group name: 1 to 512 \
                     of a-z, A-Z, 0-9, '.', '-', '_', '/' and '#'; '{group}' was given."
                ));
            }
            for name in ["awslogs-stream", "awslogs-stream-prefix"] {
                if let Some(value) = options.get(name) {
                    if value.is_empty() || value.contains([':', '*']) || value.chars().count() > 512
                    {
                        return bad(format!(
                            "The 'awslogs' log option '{name}' must be 1 to 512 characters without \
                             ':' or '*'; '{value}' was given."
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Docker's human sizes (`RAMInBytes`): a number, an optional space, an optional unit
/// letter (k, m, g, t, p), an optional `i` and an optional `b`, in any case.
fn size_in_bytes(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let digits_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(lower.len());
    let (number, rest) = lower.split_at(digits_end);
    let number: f64 = number.parse().ok().filter(|n: &f64| n.is_finite())?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let (unit, rest) = match rest.chars().next() {
        Some(c @ ('k' | 'm' | 'g' | 't' | 'p')) => (c, &rest[1..]),
        _ => ('b', rest),
    };
    let rest = rest.strip_prefix('i').unwrap_or(rest);
    let rest = rest.strip_prefix('b').unwrap_or(rest);
    if !rest.is_empty() {
        return None;
    }
    let scale: f64 = match unit {
        'k' => 1024.0,
        'm' => 1024.0 * 1024.0,
        'g' => 1024.0 * 1024.0 * 1024.0,
        't' => 1024f64.powi(4),
        'p' => 1024f64.powi(5),
        _ => 1.0,
    };
    let bytes = number * scale;
    (bytes >= 1.0 && bytes < u64::MAX as f64).then_some(bytes as u64)
}

fn syslog_address_ok(address: &str) -> bool {
    let Some((scheme, rest)) = address.split_once("://") else {
        return false;
    };
    match scheme {
        "unix" | "unixgram" => rest.starts_with('/'),
        "tcp" | "udp" | "tcp+tls" => rest.rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0)
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use berth_api::ecs::Secret;

    use super::*;

    fn config(driver: LogDriver, options: &[(&str, &str)]) -> LogConfiguration {
        LogConfiguration {
            log_driver: driver,
            options: Some(
                options
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect::<BTreeMap<_, _>>(),
            ),
            secret_options: None,
        }
    }

    fn option_error(c: &LogConfiguration) -> String {
        match check(c) {
            Err(LogConfigError::Option(message)) => message,
            other => panic!("expected an option error for {c:?}, got {other:?}"),
        }
    }

    #[test]
    fn supported_drivers_with_their_options_pass() {
        for ok in [
            config(LogDriver::JsonFile, &[]),
            config(
                LogDriver::JsonFile,
                &[("max-size", "10m"), ("max-file", "3"), ("compress", "true")],
            ),
            config(
                LogDriver::JsonFile,
                &[("max-size", "1.5 MiB"), ("labels", "a,b")],
            ),
            config(
                LogDriver::Syslog,
                &[
                    ("syslog-address", "udp://127.0.0.1:514"),
                    ("syslog-facility", "local0"),
                    ("syslog-format", "rfc5424"),
                    ("tag", "{{.Name}}"),
                ],
            ),
            config(LogDriver::Syslog, &[("syslog-address", "unix:///dev/log")]),
            config(LogDriver::Journald, &[("tag", "web"), ("env", "A")]),
            config(
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "/ecs/web"),
                    ("awslogs-region", "us-east-1"),
                    ("awslogs-stream-prefix", "web"),
                    ("mode", "non-blocking"),
                    ("max-buffer-size", "25m"),
                ],
            ),
        ] {
            assert_eq!(check(&ok), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn drivers_berth_does_not_offer_are_named() {
        for driver in [
            LogDriver::Splunk,
            LogDriver::Gelf,
            LogDriver::Fluentd,
            LogDriver::Awsfirelens,
        ] {
            match check(&config(driver, &[])) {
                Err(LogConfigError::UnsupportedDriver(message)) => {
                    assert!(message.contains(driver.as_str()), "{message}")
                }
                other => panic!("{driver:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn secret_options_are_refused() {
        let mut c = config(LogDriver::JsonFile, &[]);
        c.secret_options = Some(vec![Secret {
            name: "token".to_owned(),
            value_from: "arn:aws:secretsmanager:us-east-1:000000000000:secret:t".to_owned(),
        }]);
        assert_eq!(check(&c), Err(LogConfigError::SecretOptions));
    }

    #[test]
    fn unknown_options_and_bad_values_are_named() {
        /// A driver, its options, and what the error must say.
        type Case<'a> = (LogDriver, &'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                LogDriver::JsonFile,
                &[("awslogs-group", "x")],
                &["'json-file'", "'awslogs-group'", "max-size"],
            ),
            (
                LogDriver::Journald,
                &[("max-size", "10m")],
                &["'journald'", "'max-size'"],
            ),
            (
                LogDriver::JsonFile,
                &[("max-size", "ten megs")],
                &["'max-size'", "'ten megs'"],
            ),
            (LogDriver::JsonFile, &[("max-file", "0")], &["'max-file'"]),
            (
                LogDriver::JsonFile,
                &[("max-file", "3")],
                &["needs 'max-size'"],
            ),
            (
                LogDriver::JsonFile,
                &[("compress", "yes")],
                &["'compress'", "'true' or 'false'"],
            ),
            (
                LogDriver::JsonFile,
                &[("compress", "true")],
                &["needs 'max-file'"],
            ),
            (
                LogDriver::JsonFile,
                &[("mode", "fast")],
                &["'mode'", "non-blocking"],
            ),
            (
                LogDriver::Syslog,
                &[("syslog-address", "10.0.0.1:514")],
                &["'syslog-address'"],
            ),
            (
                LogDriver::Syslog,
                &[("syslog-address", "tcp://host")],
                &["'syslog-address'"],
            ),
            (
                LogDriver::Syslog,
                &[("syslog-facility", "web")],
                &["'syslog-facility'"],
            ),
            (
                LogDriver::Syslog,
                &[("syslog-format", "json")],
                &["'syslog-format'"],
            ),
            (
                LogDriver::Awslogs,
                &[("awslogs-region", "us-east-1")],
                &["needs the option 'awslogs-group'"],
            ),
            (
                LogDriver::Awslogs,
                &[("awslogs-group", "g")],
                &["needs the option 'awslogs-region'"],
            ),
            (
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "g"),
                    ("awslogs-region", "r"),
                    ("labels", "a"),
                ],
                &["'labels'"],
            ),
            (
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "g"),
                    ("awslogs-region", "r"),
                    ("awslogs-datetime-format", "%Y"),
                    ("awslogs-multiline-pattern", "^x"),
                ],
                &["cannot both be set"],
            ),
            (
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "g"),
                    ("awslogs-region", "r"),
                    ("awslogs-multiline-pattern", "^x"),
                ],
                &["'awslogs-multiline-pattern'", "not available on berth"],
            ),
            (
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "g"),
                    ("awslogs-region", "r"),
                    ("awslogs-endpoint", "https://logs.example"),
                ],
                &["'awslogs-endpoint'", "its own berth server"],
            ),
            (
                LogDriver::Awslogs,
                &[("awslogs-group", "has space"), ("awslogs-region", "r")],
                &["'awslogs-group'", "'has space'"],
            ),
            (
                LogDriver::Awslogs,
                &[
                    ("awslogs-group", "g"),
                    ("awslogs-region", "r"),
                    ("awslogs-stream-prefix", "a:b"),
                ],
                &["'awslogs-stream-prefix'", "':'"],
            ),
        ];
        for (driver, options, parts) in cases {
            let message = option_error(&config(*driver, options));
            for part in *parts {
                assert!(
                    message.contains(part),
                    "{options:?}: {message:?} lacks {part:?}"
                );
            }
        }
    }

    #[test]
    fn sizes_read_as_docker_reads_them() {
        assert_eq!(size_in_bytes("10m"), Some(10 * 1024 * 1024));
        assert_eq!(size_in_bytes("512K"), Some(512 * 1024));
        assert_eq!(size_in_bytes("1 GiB"), Some(1024 * 1024 * 1024));
        assert_eq!(size_in_bytes("100"), Some(100));
        for bad in ["", "m", "10x", "-1", "1.5.5m", "10 mb extra", "0"] {
            assert_eq!(size_in_bytes(bad), None, "{bad:?}");
        }
    }
}
