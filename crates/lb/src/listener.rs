//! Listening sockets and their connections.
//!
//! One accept loop per address and port. It keeps its socket across configuration
//! changes: the listener's state (rules, certificates, TCP target group) is swapped, and
//! each new connection (and each request) reads the state in force. A listener that leaves
//! the configuration stops accepting at once; its HTTP connections finish the requests in
//! flight and close (HTTP/1.1 after the current response, HTTP/2 with GOAWAY), and its TCP
//! connections run to their end, all within the drain grace.
//!
//! Limits: connections per listener (a semaphore taken before `accept`, so excess clients
//! wait in the kernel's backlog), request headers (64 KiB), the TLS handshake time, and
//! the idle time of a connection.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::balancer::{InFlight, TargetGroupRuntime};
use crate::proxy::{self, Connection, HttpShared};
use crate::Limits;

/// What a listener serves now.
#[derive(Debug)]
pub enum ListenerMode {
    Http {
        shared: Arc<HttpShared>,
        /// HTTPS listeners: the acceptor with their certificates.
        tls: Option<Arc<rustls::ServerConfig>>,
    },
    Tcp {
        group: Arc<TargetGroupRuntime>,
        idle_timeout: Duration,
    },
}

/// A running listener.
#[derive(Debug)]
pub struct ListenerHandle {
    pub arn: String,
    pub mode: Arc<ArcSwap<ListenerMode>>,
    /// Stops accepting and drains connections.
    pub stop: CancellationToken,
}

/// Binds `address` (with SO_REUSEADDR, so a restarted load balancer gets its port back
/// while old connections sit in TIME_WAIT).
pub fn bind(address: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.set_nodelay(true)?;
    socket.bind(address)?;
    socket.listen(1024)
}

/// Accepts connections until `stop`, serving each with the mode in force when it came.
pub async fn accept_loop(
    listener: TcpListener,
    mode: Arc<ArcSwap<ListenerMode>>,
    stop: CancellationToken,
    limits: Limits,
    tasks: TaskTracker,
) {
    let connections = Arc::new(Semaphore::new(limits.max_connections_per_listener));
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
            _ = stop.cancelled() => return,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stop.cancelled() => return,
        };
        let _ = stream.set_nodelay(true);
        let mode = mode.load_full();
        let stop = stop.clone();
        tasks.spawn(async move {
            match mode.as_ref() {
                ListenerMode::Http { shared, tls } => {
                    serve_http(stream, peer, shared.clone(), tls.clone(), stop, limits).await
                }
                ListenerMode::Tcp {
                    group,
                    idle_timeout,
                } => serve_tcp(stream, group.clone(), *idle_timeout, limits).await,
            }
            drop(permit);
        });
    }
}

async fn serve_http(
    stream: TcpStream,
    peer: SocketAddr,
    shared: Arc<HttpShared>,
    tls: Option<Arc<rustls::ServerConfig>>,
    stop: CancellationToken,
    limits: Limits,
) {
    match tls {
        None => serve_http_io(stream, peer, false, shared, stop, limits).await,
        Some(config) => {
            let acceptor = tokio_rustls::TlsAcceptor::from(config);
            match tokio::time::timeout(limits.tls_handshake_timeout, acceptor.accept(stream)).await
            {
                Ok(Ok(stream)) => serve_http_io(stream, peer, true, shared, stop, limits).await,
                Ok(Err(err)) => tracing::debug!(%peer, error = %err, "TLS handshake failed"),
                Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
            }
        }
    }
}

async fn serve_http_io<I>(
    io: I,
    peer: SocketAddr,
    tls: bool,
    shared: Arc<HttpShared>,
    stop: CancellationToken,
    limits: Limits,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let idle_timeout = shared.state.load().idle_timeout;
    let connection = Arc::new(Connection::new(peer, tls));
    let service = {
        let shared = shared.clone();
        service_fn(move |request| proxy::handle(shared.clone(), connection.clone(), request))
    };
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .keep_alive(true)
        .header_read_timeout(idle_timeout)
        .max_buf_size(limits.max_header_bytes);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(limits.max_streams_per_connection)
        .max_header_list_size(limits.max_header_bytes as u32)
        .keep_alive_interval(Some(idle_timeout))
        .keep_alive_timeout(Duration::from_secs(20));
    let connection = builder.serve_connection_with_upgrades(TokioIo::new(io), service);
    tokio::pin!(connection);
    let result = tokio::select! {
        result = connection.as_mut() => result,
        _ = stop.cancelled() => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(err) = result {
        tracing::debug!(%peer, error = %err, "client connection ended with an error");
    }
}

/// TCP passthrough: a healthy target per connection, round robin; a refused connect is
/// tried once on another target.
async fn serve_tcp(
    mut client: TcpStream,
    group: Arc<TargetGroupRuntime>,
    idle_timeout: Duration,
    limits: Limits,
) {
    let mut avoid = None;
    let mut upstream = None;
    for _ in 0..2 {
        let Some(pick) = group.pick(None, avoid.as_ref()) else {
            return;
        };
        let in_flight = InFlight::new(pick.target.clone());
        match tokio::time::timeout(
            limits.connect_timeout,
            TcpStream::connect(pick.target.address),
        )
        .await
        {
            Ok(Ok(stream)) => {
                upstream = Some((stream, in_flight, pick.target));
                break;
            }
            _ => avoid = Some(pick.target.address),
        }
    }
    let Some((mut stream, in_flight, target)) = upstream else {
        return;
    };
    let _ = stream.set_nodelay(true);
    tokio::select! {
        _ = copy_with_idle_timeout(&mut client, &mut stream, idle_timeout) => {}
        _ = target.gone.cancelled() => {}
    }
    drop(in_flight);
}

/// Copies both ways until either side closes or nothing moves for `idle_timeout`.
async fn copy_with_idle_timeout(a: &mut TcpStream, b: &mut TcpStream, idle_timeout: Duration) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (mut a_read, mut a_write) = a.split();
    let (mut b_read, mut b_write) = b.split();
    let mut a_buf = vec![0u8; 16 * 1024];
    let mut b_buf = vec![0u8; 16 * 1024];
    let (mut a_open, mut b_open) = (true, true);
    while a_open || b_open {
        let step = tokio::time::timeout(idle_timeout, async {
            tokio::select! {
                read = a_read.read(&mut a_buf), if a_open => match read {
                    Ok(0) | Err(_) => { a_open = false; let _ = b_write.shutdown().await; Ok(()) }
                    Ok(n) => b_write.write_all(&a_buf[..n]).await,
                },
                read = b_read.read(&mut b_buf), if b_open => match read {
                    Ok(0) | Err(_) => { b_open = false; let _ = a_write.shutdown().await; Ok(()) }
                    Ok(n) => a_write.write_all(&b_buf[..n]).await,
                },
            }
        })
        .await;
        match step {
            Ok(Ok(())) => {}
            Ok(Err(_)) | Err(_) => return,
        }
    }
}
