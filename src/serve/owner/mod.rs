//! The owner's socket: while the server holds the database, a local `veileder` command of the
//! user who runs it cannot open the file to write, so it sends its command line here and the
//! server runs it on its own store (the protocol is in wire.rs). The socket lies beside the
//! database, 0600, and a connection from any other user is refused by its credentials too.
mod answer;
pub mod wire;

use std::fs;
use std::io;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::UnixListener;
use tracing::{info, warn};

use super::Shared;

/// The socket file while the server listens on it; removed when the server stops.
pub struct OwnerSocket {
    path: PathBuf,
    listener: UnixListener,
    /// The server's user, the only one whose commands are run.
    uid: u32,
}

impl OwnerSocket {
    /// Listens beside `db`. A socket already there was left by a server that was killed: this
    /// process holds the database, so no other server can be listening on it.
    pub fn listen(db: &Path) -> io::Result<OwnerSocket> {
        let path = wire::socket_path(db);
        match fs::symlink_metadata(&path) {
            Ok(found) if found.file_type().is_socket() => {
                info!(path = %path.display(), "replacing the socket a stopped server left");
                fs::remove_file(&path)?;
            }
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is there and is not a socket; move it away",
                        path.display()
                    ),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let listener = UnixListener::bind(&path)?;
        let mut socket = OwnerSocket {
            path,
            listener,
            uid: 0,
        };
        fs::set_permissions(&socket.path, fs::Permissions::from_mode(0o600))?;
        // The socket was just made by this process, so it belongs to the server's user.
        socket.uid = fs::metadata(&socket.path)?.uid();
        Ok(socket)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Answers the owner's commands, each on a blocking thread, until the server stops.
    pub async fn serve(&self, shared: Arc<Shared>) {
        loop {
            let stream = match self.listener.accept().await {
                Ok((stream, _)) => stream,
                Err(error) => {
                    warn!(%error, "cannot accept on the owner's socket");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let peer = stream.peer_cred().map(|c| c.uid());
            let stream = match stream.into_std().and_then(|s| {
                s.set_nonblocking(false)?;
                Ok(s)
            }) {
                Ok(stream) => stream,
                Err(error) => {
                    warn!(%error, "cannot take a connection on the owner's socket");
                    continue;
                }
            };
            let (shared, uid) = (shared.clone(), self.uid);
            tokio::task::spawn_blocking(move || match peer {
                Ok(peer) if peer == uid => answer::answer(&stream, &shared),
                other => answer::refuse_stranger(&stream, other, uid),
            });
        }
    }
}

impl Drop for OwnerSocket {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}
