//! A ratatui backend drawing to one SSH channel. Escape sequences come from crossterm's backend;
//! the size and the cursor come from the client's pty, never from the server's own terminal.
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use tokio::sync::mpsc::UnboundedSender;

/// Collects what a frame writes and sends it to the channel in one piece on flush.
pub struct ChannelWriter {
    frame: Vec<u8>,
    out: UnboundedSender<Vec<u8>>,
}

impl ChannelWriter {
    pub fn new(out: UnboundedSender<Vec<u8>>) -> Self {
        ChannelWriter {
            frame: Vec::new(),
            out,
        }
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // Once the client is gone frames are dropped: the connection's end stops the session,
        // and ratatui's last cursor command must not fail into the server's log.
        let frame = std::mem::take(&mut self.frame);
        if !frame.is_empty() {
            let _ = self.out.send(frame);
        }
        Ok(())
    }
}

pub struct ChannelBackend {
    inner: CrosstermBackend<ChannelWriter>,
    size: Size,
    cursor: Position,
}

impl ChannelBackend {
    pub fn new(writer: ChannelWriter, width: u16, height: u16) -> Self {
        ChannelBackend {
            inner: CrosstermBackend::new(writer),
            size: Size::new(width, height),
            cursor: Position::ORIGIN,
        }
    }

    /// The client's window changed size.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Size::new(width.max(1), height.max(1));
    }

    /// Raw bytes for the client's terminal (entering or leaving the alternate screen).
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.inner.write_all(bytes)?;
        Write::flush(&mut self.inner)
    }
}

impl Backend for ChannelBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = position;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}
