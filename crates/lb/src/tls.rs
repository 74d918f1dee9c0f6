//! TLS for HTTPS listeners and HTTPS targets.
//!
//! A listener's certificates are PEM files (berth has no ACM): the first is the default,
//! the others are chosen by SNI when the name the client asks for is one they are valid
//! for. ALPN offers `h2` and `http/1.1`. The files are read again on every configuration
//! apply, so a renewed certificate is picked up by the next reload.
//!
//! Towards targets, ELB does not validate certificates (targets usually have self-signed
//! ones): [`target_client_config`] encrypts without verifying, as ELB does.

use std::sync::Arc;

use berth_api::lb::CertificateFiles;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::{DigitallySignedStruct, SignatureScheme};

/// Builds a listener's server configuration from its PEM files.
pub fn server_config(
    certificates: &[CertificateFiles],
) -> Result<Arc<rustls::ServerConfig>, String> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut keys = Vec::with_capacity(certificates.len());
    for files in certificates {
        let chain: Vec<CertificateDer<'static>> =
            CertificateDer::pem_file_iter(&files.certificate_chain_pem)
                .and_then(|certs| certs.collect::<Result<_, _>>())
                .map_err(|err| {
                    format!(
                        "cannot read the certificate chain {}: {err}",
                        files.certificate_chain_pem
                    )
                })?;
        if chain.is_empty() {
            return Err(format!(
                "{} holds no PEM certificate",
                files.certificate_chain_pem
            ));
        }
        let key = PrivateKeyDer::from_pem_file(&files.private_key_pem).map_err(|err| {
            format!(
                "cannot read the private key {}: {err}",
                files.private_key_pem
            )
        })?;
        let key = CertifiedKey::from_der(chain, key, &provider).map_err(|err| {
            format!(
                "the key {} does not fit the certificate {}: {err}",
                files.private_key_pem, files.certificate_chain_pem
            )
        })?;
        keys.push(Arc::new(key));
    }
    if keys.is_empty() {
        return Err("an HTTPS listener needs a certificate".into());
    }
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| format!("TLS setup: {err}"))?
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(SniResolver { keys }));
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The first certificate valid for the SNI name, else the default (the first).
#[derive(Debug)]
struct SniResolver {
    keys: Vec<Arc<CertifiedKey>>,
}

impl ResolvesServerCert for SniResolver {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        if self.keys.len() > 1 {
            if let Some(name) = hello
                .server_name()
                .and_then(|name| ServerName::try_from(name.to_owned()).ok())
            {
                let fits = |key: &Arc<CertifiedKey>| {
                    key.cert.first().is_some_and(|der| {
                        webpki::EndEntityCert::try_from(der)
                            .is_ok_and(|cert| cert.verify_is_valid_for_subject_name(&name).is_ok())
                    })
                };
                if let Some(key) = self.keys.iter().find(|key| fits(key)) {
                    return Some(key.clone());
                }
            }
        }
        self.keys.first().cloned()
    }
}

/// TLS towards targets and HTTPS health checks: encrypted, not verified (as ELB).
pub fn target_client_config() -> Arc<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("the default provider supports the default versions")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyTarget { provider }))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Arc::new(config)
}

#[derive(Debug)]
struct AcceptAnyTarget {
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl ServerCertVerifier for AcceptAnyTarget {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
