//! Load on `veileder serve`: 50 advisors connected at once over SSH (russh clients), each typing
//! a note in call mode at about ten keys a second. Reports the p50/p99/max time from sending a
//! key to receiving the frame that shows it, and the server's memory per session (VmRSS growth
//! divided by the sessions). `cargo bench --bench serve_load`; in `cargo test` a small run.
#[path = "support/ssh_client.rs"]
mod ssh_client;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::keys::{Algorithm, PrivateKey};
use ssh_client::Terminal;
use tokio::sync::Barrier;
use veileder::domain::{Advisor, Role};
use veileder::store::Store;

const LIMIT: Duration = Duration::from_secs(30);

struct Load {
    sessions: usize,
    keys: usize,
}

fn veileder() -> Command {
    Command::new(env!("CARGO_BIN_EXE_veileder"))
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn serve(db: &std::path::Path) -> (Child, u16) {
    let mut child = veileder()
        .arg("--db")
        .arg(db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).expect("line");
    let port = line
        .split("listening on ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|addr| addr.rsplit(':').next()?.parse().ok())
        .expect("the port");
    (child, port)
}

/// One advisor: log in, open call mode, wait until everyone has, then type `keys` letters.
async fn advisor(
    port: u16,
    i: usize,
    key: PrivateKey,
    keys: usize,
    ready: Arc<Barrier>,
) -> anyhow::Result<Vec<Duration>> {
    let mut term = Terminal::open(port, &format!("adv{i}"), key, 100, 30).await?;
    term.wait_for("Clients", LIMIT).await?;
    term.send(&b"j".repeat(i % 20)).await?;
    term.send(b"c").await?;
    term.wait_for("Note", LIMIT).await?;
    // Logins are measured elsewhere: typing starts when all 50 are in.
    ready.wait().await;
    let mut latencies = Vec::with_capacity(keys);
    for k in 0..keys {
        let letter = [b'a' + (k % 26) as u8];
        let think = Duration::from_millis(70 + fastrand::u64(0..60));
        tokio::time::sleep(think).await;
        term.catch_up().await;
        let sent = Instant::now();
        term.send(&letter).await?;
        term.wait_for(std::str::from_utf8(&letter)?, LIMIT).await?;
        latencies.push(sent.elapsed());
    }
    term.send(b"\x1b").await?;
    Ok(latencies)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let (sessions, keys) = if bench { (50, 100) } else { (4, 5) };
    // VEILEDER_BENCH_SESSIONS overrides the number of sessions (e.g. a full load in test mode).
    let sessions = std::env::var("VEILEDER_BENCH_SESSIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(sessions);
    let load = Load { sessions, keys };
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("centre.redb");
    let filled = veileder()
        .arg("--db")
        .arg(&db)
        .args(["--as", "lead", "demo", "--clients", "300"])
        .status()
        .expect("demo");
    assert!(filled.success());
    let keys: Vec<PrivateKey> = (0..load.sessions)
        .map(|_| PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("key"))
        .collect();
    {
        let store = Store::open(&db, "the load benchmark").expect("open");
        for (i, key) in keys.iter().enumerate() {
            let line = key.public_key().to_openssh().expect("public key");
            let advisor = Advisor {
                username: format!("adv{i}"),
                name: format!("Advisor {i}"),
                role: Role::Lead,
                keys: vec![line],
            };
            store.put_advisor("lead", advisor).expect("advisor");
        }
    }
    let (mut server, port) = serve(&db);
    std::thread::sleep(Duration::from_millis(300));
    let before = rss_kib(server.id());

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let pid = server.id();
    let (latencies, peak) = runtime.block_on(async move {
        let peak = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let watch = peak.clone();
        let watcher = tokio::spawn(async move {
            loop {
                watch.fetch_max(rss_kib(pid), std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        let ready = Arc::new(Barrier::new(keys.len()));
        let tasks: Vec<_> = keys
            .into_iter()
            .enumerate()
            .map(|(i, key)| tokio::spawn(advisor(port, i, key, load.keys, ready.clone())))
            .collect();
        let mut all = Vec::new();
        for task in tasks {
            all.extend(task.await.expect("task").expect("session"));
        }
        watcher.abort();
        (all, peak.load(std::sync::atomic::Ordering::Relaxed))
    });
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();

    let mut sorted = latencies;
    sorted.sort();
    println!(
        "serve_load: {} sessions × {} keys = {} key presses",
        load.sessions,
        load.keys,
        sorted.len()
    );
    println!(
        "key-to-frame latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&sorted, 0.50).as_secs_f64() * 1000.0,
        percentile(&sorted, 0.99).as_secs_f64() * 1000.0,
        sorted.last().copied().unwrap_or_default().as_secs_f64() * 1000.0
    );
    println!(
        "server memory: {:.1} MB before, {:.1} MB at peak, {:.2} MB per session",
        before as f64 / 1024.0,
        peak as f64 / 1024.0,
        peak.saturating_sub(before) as f64 / 1024.0 / load.sessions as f64
    );
}
