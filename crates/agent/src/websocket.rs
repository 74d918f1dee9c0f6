//! WebSocket connections to the server (ECS Exec sessions): over plain TCP, or over TLS
//! with berth's own rustls configuration (the agent's pinned CA), so no second TLS stack
//! is built.

use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

/// A byte stream a WebSocket runs over.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// A client WebSocket.
pub type Socket = tokio_tungstenite::WebSocketStream<Box<dyn Io>>;

/// Why a WebSocket could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("{0} is not a ws:// or wss:// URL")]
    BadUrl(String),
    #[error("{0} needs TLS, and no CA to trust was given")]
    NoTls(String),
    #[error("connecting to {address}: {message}")]
    Io { address: String, message: String },
    #[error("the server refused the WebSocket (HTTP {status}): {body}")]
    Refused { status: u16, body: String },
    #[error("the WebSocket handshake failed: {0}")]
    Handshake(String),
}

/// Opens a WebSocket to `url` (`ws://` or `wss://`) with extra request `headers`.
pub async fn connect(
    url: &str,
    headers: &[(&str, &str)],
    tls: Option<Arc<rustls::ClientConfig>>,
) -> Result<Socket, ConnectError> {
    let mut request = url
        .into_client_request()
        .map_err(|_| ConnectError::BadUrl(url.to_owned()))?;
    for (name, value) in headers {
        let value =
            HeaderValue::from_str(value).map_err(|_| ConnectError::BadUrl(url.to_owned()))?;
        let name = tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| ConnectError::BadUrl(url.to_owned()))?;
        request.headers_mut().insert(name, value);
    }
    let uri = request.uri().clone();
    let secure = match uri.scheme_str() {
        Some("wss") => true,
        Some("ws") => false,
        _ => return Err(ConnectError::BadUrl(url.to_owned())),
    };
    let host = uri
        .host()
        .ok_or_else(|| ConnectError::BadUrl(url.to_owned()))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let port = uri.port_u16().unwrap_or(if secure { 443 } else { 80 });
    let address = format!("{host}:{port}");
    let io_error = |e: std::io::Error| ConnectError::Io {
        address: address.clone(),
        message: e.to_string(),
    };
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(io_error)?;
    let _ = tcp.set_nodelay(true);
    let stream: Box<dyn Io> = if secure {
        let config = tls.ok_or_else(|| ConnectError::NoTls(url.to_owned()))?;
        let name = rustls::pki_types::ServerName::try_from(host.clone())
            .map_err(|_| ConnectError::BadUrl(url.to_owned()))?;
        let connector = tokio_rustls::TlsConnector::from(config);
        Box::new(connector.connect(name, tcp).await.map_err(io_error)?)
    } else {
        Box::new(tcp)
    };
    match tokio_tungstenite::client_async(request, stream).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            let status = response.status().as_u16();
            let body = response
                .body()
                .as_ref()
                .map(|b| String::from_utf8_lossy(b).chars().take(512).collect())
                .unwrap_or_default();
            Err(ConnectError::Refused { status, body })
        }
        Err(e) => Err(ConnectError::Handshake(e.to_string())),
    }
}
