//! Listeners: CreateListener, DescribeListeners, ModifyListener and DeleteListener.
//!
//! Application Load Balancers take HTTP and HTTPS listeners, Network Load Balancers TCP
//! ones. Every listener listens on the data plane's host at its port, so a port is used by
//! one listener of one load balancer at a time (`DuplicateListener` otherwise).
//!
//! **Certificates.** berth has no ACM. An HTTPS listener names its certificate as
//! `arn:aws:acm:REGION:ACCOUNT:certificate/NAME` (this server's region and account), and
//! `NAME` is a file `CERTIFICATE_DIR/NAME.pem` (by default `DATA_DIR/certificates/`) with
//! the PEM certificate chain, leaf first, and its PEM private key. The server reads and
//! checks the file when the listener is written (`CertificateNotFound` if it is missing or
//! the key does not match) and records its path and fingerprint for the data plane, which
//! loads it. Only files in that directory can be named, so an API caller cannot make the
//! load balancer serve any other key on the machine.

use std::path::Path;

use berth_api::elbv2::{
    Certificate, CreateListenerInput, CreateListenerOutput, DeleteListenerInput,
    DeleteListenerOutput, DescribeListenersInput, DescribeListenersOutput, Listener,
    LoadBalancerTypeEnum, ModifyListenerInput, ModifyListenerOutput,
    MutualAuthenticationAttributes, ProtocolEnum,
};
use berth_store::Op;
use sha2::Digest;

use super::actions::{normalize_actions, ActionSite};
use super::records::{ListenerCertificate, ListenerRecord, LoadBalancerRecord};
use super::{
    check_named, check_tags, elb_error, new_id, page, validation, Change, Elbv2Arn, Elbv2Index,
    Lookup, MAX_LISTENERS_PER_LOAD_BALANCER,
};
use crate::app::App;
use crate::error::Result;
use crate::model::{keys, now};

/// The security policies berth's HTTPS listeners apply (rustls: TLS 1.2 and 1.3, or 1.3
/// only), the first being the default, as on ELBv2.
pub const SSL_POLICIES: &[&str] = &[
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
];

/// The largest certificate file read.
const MAX_CERTIFICATE_FILE_BYTES: u64 = 1024 * 1024;

/// The protocol, certificate and policy of a listener, checked.
struct Security {
    protocol: ProtocolEnum,
    certificate: Option<ListenerCertificate>,
    ssl_policy: Option<String>,
}

impl App {
    pub async fn create_listener(&self, req: CreateListenerInput) -> Result<CreateListenerOutput> {
        refuse_tls_extras(&req.alpn_policy, &req.mutual_authentication)?;
        let port = req
            .port
            .ok_or_else(|| validation("A port must be given for the listener."))?
            as u16;
        let protocol = req
            .protocol
            .ok_or_else(|| validation("A protocol must be given for the listener."))?;
        let tags = req.tags.clone().unwrap_or_default();
        check_tags(&tags)?;
        // The certificate file is read once, outside the retry loop.
        let certificate = self.certificate_for(protocol, req.certificates.as_deref())?;
        let id = new_id();
        let default_rule_id = new_id();
        let created_at = now();
        let output = self
            .elbv2_change(|view| {
                let lookup = Lookup::new(self, view);
                let index = &view.elbv2;
                let lb = &lookup.load_balancer(&req.load_balancer_arn)?.record;
                let security = check_security(lb, protocol, certificate.clone(), req.ssl_policy.as_deref())?;
                let arn = self.listener_arn(lb, &id);
                let default_actions = normalize_actions(
                    &lookup,
                    &ActionSite {
                        load_balancer: lb,
                        protocol,
                        replacing: None,
                    },
                    &req.default_actions,
                )?;
                let record = ListenerRecord {
                    id: id.clone(),
                    arn,
                    load_balancer_name: lb.name.clone(),
                    load_balancer_id: lb.id.clone(),
                    load_balancer_arn: lb.arn.clone(),
                    port,
                    protocol: security.protocol,
                    ssl_policy: security.ssl_policy,
                    certificate: security.certificate,
                    default_actions,
                    default_rule_id: default_rule_id.clone(),
                    default_rule_tags: Vec::new(),
                    tags: tags.clone(),
                    created_at,
                };
                if let Some(existing) = port_user(index, port, None) {
                    let old = &existing.record;
                    // CreateListener is idempotent: the same settings get the same listener.
                    let same = ListenerRecord {
                        id: old.id.clone(),
                        arn: old.arn.clone(),
                        default_rule_id: old.default_rule_id.clone(),
                        default_rule_tags: old.default_rule_tags.clone(),
                        created_at: old.created_at,
                        ..record.clone()
                    };
                    if same == *old {
                        return Ok(Change::none(render_listener(old)));
                    }
                    return Err(duplicate_port(port, old));
                }
                if index.listeners_of(&lb.name).count() >= MAX_LISTENERS_PER_LOAD_BALANCER {
                    return Err(elb_error(
                        "TooManyListeners",
                        format!(
                            "A load balancer can have at most {MAX_LISTENERS_PER_LOAD_BALANCER} listeners."
                        ),
                    ));
                }
                let answer = render_listener(&record);
                Change::create(keys::elbv2_listener(&lb.name, &id), &record, answer)
            })
            .await?;
        Ok(CreateListenerOutput {
            listeners: Some(vec![output]),
        })
    }

    pub async fn describe_listeners(
        &self,
        req: DescribeListenersInput,
    ) -> Result<DescribeListenersOutput> {
        let arns = req.listener_arns.unwrap_or_default();
        match (&req.load_balancer_arn, arns.is_empty()) {
            (None, true) => return Err(validation("Give a LoadBalancerArn or ListenerArns.")),
            (Some(_), false) => {
                return Err(validation(
                    "Give either a LoadBalancerArn or ListenerArns, not both.",
                ))
            }
            _ => {}
        }
        check_named("listeners", arns.len())?;
        let view = self.view.read();
        let lookup = Lookup::new(self, &view);
        let mut found: Vec<&ListenerRecord> = Vec::new();
        if let Some(lb_arn) = &req.load_balancer_arn {
            let lb = &lookup.load_balancer(lb_arn)?.record;
            found.extend(view.elbv2.listeners_of(&lb.name).map(|l| &l.record));
        } else {
            for arn in &arns {
                found.push(&lookup.listener(arn)?.record);
            }
        }
        let items = found
            .into_iter()
            .map(|l| (format!("{:05}/{}", l.port, l.id), render_listener(l)));
        let (listeners, next_marker) = page(items, req.page_size, req.marker.as_deref())?;
        Ok(DescribeListenersOutput {
            listeners: Some(listeners),
            next_marker,
        })
    }

    pub async fn modify_listener(&self, req: ModifyListenerInput) -> Result<ModifyListenerOutput> {
        refuse_tls_extras(&req.alpn_policy, &req.mutual_authentication)?;
        let new_certificate = match &req.certificates {
            Some(certificates) => {
                let protocol = req.protocol.unwrap_or(ProtocolEnum::Https);
                self.certificate_for(protocol, Some(certificates))?
            }
            None => None,
        };
        let output = self
            .elbv2_change(|view| {
                let lookup = Lookup::new(self, view);
                let index = &view.elbv2;
                let listener = &lookup.listener(&req.listener_arn)?.record;
                let lb = &lookup.load_balancer_of(listener)?.record;
                let protocol = req.protocol.unwrap_or(listener.protocol);
                // Moving from HTTPS to HTTP drops the certificate and policy; staying on
                // HTTPS keeps them unless new ones are given.
                let certificate = match (&new_certificate, protocol) {
                    (Some(certificate), _) => Some(certificate.clone()),
                    (None, ProtocolEnum::Https) => listener.certificate.clone(),
                    (None, _) => None,
                };
                let ssl_policy = match (&req.ssl_policy, protocol) {
                    (Some(policy), _) => Some(policy.as_str()),
                    (None, ProtocolEnum::Https) => listener.ssl_policy.as_deref(),
                    (None, _) => None,
                };
                let security = check_security(lb, protocol, certificate, ssl_policy)?;
                let port = req.port.map_or(listener.port, |p| p as u16);
                if let Some(other) = port_user(index, port, Some(&listener.arn)) {
                    return Err(duplicate_port(port, &other.record));
                }
                let actions = req
                    .default_actions
                    .as_deref()
                    .unwrap_or(&listener.default_actions);
                let default_actions = normalize_actions(
                    &lookup,
                    &ActionSite {
                        load_balancer: lb,
                        protocol,
                        replacing: Some(&listener.arn),
                    },
                    actions,
                )?;
                let record = ListenerRecord {
                    port,
                    protocol: security.protocol,
                    certificate: security.certificate,
                    ssl_policy: security.ssl_policy,
                    default_actions,
                    ..listener.clone()
                };
                let answer = render_listener(&record);
                let key = keys::elbv2_listener(&listener.load_balancer_name, &listener.id);
                Change::update(key, listener, &record, answer)
            })
            .await?;
        Ok(ModifyListenerOutput {
            listeners: Some(vec![output]),
        })
    }

    /// Deletes a listener and its rules.
    pub async fn delete_listener(&self, req: DeleteListenerInput) -> Result<DeleteListenerOutput> {
        if !matches!(
            self.parse_elbv2_arn(&req.listener_arn),
            Some(Elbv2Arn::Listener { .. })
        ) {
            return Err(validation(format!(
                "'{}' is not a valid listener ARN.",
                req.listener_arn
            )));
        }
        self.elbv2_change(|view| {
            let listener = &Lookup::new(self, view).listener(&req.listener_arn)?.record;
            Ok(Change::delete(
                keys::elbv2_listener(&listener.load_balancer_name, &listener.id),
                vec![Op::DeletePrefix {
                    prefix: keys::elbv2_rules_of(&listener.load_balancer_name, &listener.id),
                }],
                (),
            ))
        })
        .await?;
        Ok(DeleteListenerOutput {})
    }

    /// The certificate an HTTPS listener names, read and checked; `None` for a listener
    /// that names none.
    fn certificate_for(
        &self,
        protocol: ProtocolEnum,
        certificates: Option<&[Certificate]>,
    ) -> Result<Option<ListenerCertificate>> {
        let certificates = certificates.unwrap_or_default();
        match certificates {
            [] => Ok(None),
            [one] => {
                if protocol != ProtocolEnum::Https {
                    return Err(validation(format!(
                        "Certificates can only be given for HTTPS listeners, not {protocol}."
                    )));
                }
                if one.is_default.is_some() {
                    return Err(validation(
                        "Do not set IsDefault on a listener's certificate: its one certificate is the default.",
                    ));
                }
                let arn = one
                    .certificate_arn
                    .as_deref()
                    .ok_or_else(|| validation("The certificate needs a CertificateArn."))?;
                self.load_certificate(arn).map(Some)
            }
            more => Err(elb_error(
                "TooManyCertificates",
                format!(
                    "A listener takes exactly one certificate; {} were given.",
                    more.len()
                ),
            )),
        }
    }

    /// Reads and checks the PEM file a certificate ARN names.
    fn load_certificate(&self, arn: &str) -> Result<ListenerCertificate> {
        let scope = &self.config.scope;
        let prefix = format!(
            "arn:{}:acm:{}:{}:certificate/",
            scope.partition, scope.region, scope.account
        );
        let not_found = |why: String| {
            elb_error(
                "CertificateNotFound",
                format!("Certificate '{arn}' not found: {why}"),
            )
        };
        let name = arn
            .strip_prefix(&prefix)
            .filter(|name| valid_certificate_name(name))
            .ok_or_else(|| {
                not_found(format!(
                    "berth names a certificate as {prefix}NAME, for the PEM file NAME.pem in its certificate directory (NAME: letters, digits, '.', '_' and '-')."
                ))
            })?;
        let dir = self
            .config
            .elbv2
            .certificate_dir
            .as_deref()
            .ok_or_else(|| not_found("this server has no certificate directory.".into()))?;
        let path = dir.join(format!("{name}.pem"));
        let pem =
            read_limited(&path).map_err(|why| not_found(format!("{}: {why}", path.display())))?;
        let sha256 = check_certificate_pem(&pem)
            .map_err(|why| not_found(format!("{}: {why}", path.display())))?;
        Ok(ListenerCertificate {
            arn: arn.to_owned(),
            path,
            sha256,
        })
    }
}

/// The listener other than `except` (by ARN) that listens on `port`, on any load
/// balancer: they all listen on the data plane's host.
fn port_user<'a>(
    index: &'a Elbv2Index,
    port: u16,
    except: Option<&str>,
) -> Option<&'a super::Versioned<ListenerRecord>> {
    index
        .listeners
        .values()
        .find(|l| l.record.port == port && Some(l.record.arn.as_str()) != except)
}

fn duplicate_port(port: u16, holder: &ListenerRecord) -> crate::error::Error {
    elb_error(
        "DuplicateListener",
        format!(
            "Port {port} is already used by listener '{}' of load balancer '{}'; berth's load balancers share one host, so each listener needs its own port.",
            holder.arn, holder.load_balancer_arn
        ),
    )
}

/// Checks a listener's protocol against its load balancer's type, and its certificate and
/// security policy against its protocol.
fn check_security(
    lb: &LoadBalancerRecord,
    protocol: ProtocolEnum,
    certificate: Option<ListenerCertificate>,
    ssl_policy: Option<&str>,
) -> Result<Security> {
    let supported: &[ProtocolEnum] = match lb.kind {
        LoadBalancerTypeEnum::Network => &[ProtocolEnum::Tcp],
        _ => &[ProtocolEnum::Http, ProtocolEnum::Https],
    };
    if !supported.contains(&protocol) {
        let names: Vec<&str> = supported.iter().map(|p| p.as_str()).collect();
        return Err(elb_error(
            "UnsupportedProtocol",
            format!(
                "Protocol {protocol} is not supported for this {} load balancer; use {}.",
                lb.kind,
                names.join(" or ")
            ),
        ));
    }
    if protocol != ProtocolEnum::Https {
        if ssl_policy.is_some() {
            return Err(validation(format!(
                "SslPolicy applies to HTTPS listeners only, not {protocol}."
            )));
        }
        if certificate.is_some() {
            return Err(validation(format!(
                "Certificates can only be given for HTTPS listeners, not {protocol}."
            )));
        }
        return Ok(Security {
            protocol,
            certificate: None,
            ssl_policy: None,
        });
    }
    let certificate = certificate.ok_or_else(|| {
        validation(
            "An HTTPS listener needs a certificate: give Certificates with one CertificateArn.",
        )
    })?;
    let policy = ssl_policy.unwrap_or(SSL_POLICIES[0]);
    if !SSL_POLICIES.contains(&policy) {
        return Err(elb_error(
            "SSLPolicyNotFound",
            format!(
                "Security policy '{policy}' is not supported; berth supports {}.",
                SSL_POLICIES.join(" and ")
            ),
        ));
    }
    Ok(Security {
        protocol,
        certificate: Some(certificate),
        ssl_policy: Some(policy.to_owned()),
    })
}

/// ALPN policies are for TLS listeners and mutual TLS needs trust stores; berth has
/// neither.
fn refuse_tls_extras(
    alpn: &Option<Vec<String>>,
    mutual: &Option<MutualAuthenticationAttributes>,
) -> Result<()> {
    if alpn.as_ref().is_some_and(|a| !a.is_empty()) {
        return Err(validation(
            "AlpnPolicy applies to TLS listeners, which berth does not serve.",
        ));
    }
    if let Some(mutual) = mutual {
        let off = mutual.mode.as_deref().is_none_or(|m| m == "off")
            && mutual.trust_store_arn.is_none()
            && mutual.ignore_client_certificate_expiry.is_none()
            && mutual.advertise_trust_store_ca_names.is_none();
        if !off {
            return Err(validation(
                "MutualAuthentication is not supported: berth has no trust stores. Omit it or use Mode=off.",
            ));
        }
    }
    Ok(())
}

fn valid_certificate_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn read_limited(path: &Path) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut pem = Vec::new();
    file.take(MAX_CERTIFICATE_FILE_BYTES + 1)
        .read_to_end(&mut pem)
        .map_err(|e| e.to_string())?;
    if pem.len() as u64 > MAX_CERTIFICATE_FILE_BYTES {
        return Err(format!(
            "the file is larger than {MAX_CERTIFICATE_FILE_BYTES} bytes"
        ));
    }
    Ok(pem)
}

/// Checks a PEM file holds a certificate chain and the leaf's private key, and returns
/// the leaf's SHA-256 fingerprint (hex).
fn check_certificate_pem(pem: &[u8]) -> std::result::Result<String, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| format!("the certificates cannot be read ({e})"))?;
    let leaf = certificates
        .first()
        .ok_or("the file holds no PEM certificate")?
        .clone();
    let key = PrivateKeyDer::from_pem_slice(pem)
        .map_err(|_| "the file holds no PEM private key".to_owned())?;
    let signing_key = rustls::crypto::aws_lc_rs::sign::any_supported_type(&key)
        .map_err(|e| format!("the private key cannot be used ({e})"))?;
    rustls::sign::CertifiedKey::new(certificates, signing_key)
        .keys_match()
        .map_err(|e| format!("the private key does not match the certificate ({e})"))?;
    Ok(hex::encode(sha2::Sha256::digest(leaf.as_ref())))
}

pub(crate) fn render_listener(listener: &ListenerRecord) -> Listener {
    Listener {
        listener_arn: Some(listener.arn.clone()),
        load_balancer_arn: Some(listener.load_balancer_arn.clone()),
        port: Some(i32::from(listener.port)),
        protocol: Some(listener.protocol),
        certificates: listener.certificate.as_ref().map(|c| {
            vec![Certificate {
                certificate_arn: Some(c.arn.clone()),
                is_default: None,
            }]
        }),
        ssl_policy: listener.ssl_policy.clone(),
        default_actions: Some(listener.default_actions.clone()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_files_need_a_matching_key() {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["web.example.com".into()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let good = format!("{}{}", cert.pem(), key.serialize_pem());
        let fingerprint = check_certificate_pem(good.as_bytes()).unwrap();
        assert_eq!(fingerprint.len(), 64);
        assert!(
            check_certificate_pem(cert.pem().as_bytes()).is_err(),
            "no key"
        );
        let other = rcgen::KeyPair::generate().unwrap();
        let mismatched = format!("{}{}", cert.pem(), other.serialize_pem());
        assert!(check_certificate_pem(mismatched.as_bytes()).is_err());
        assert!(check_certificate_pem(b"not pem").is_err());
        assert!(valid_certificate_name("web.example-1"));
        assert!(!valid_certificate_name("../etc/passwd"));
        assert!(!valid_certificate_name(".hidden"));
    }
}
