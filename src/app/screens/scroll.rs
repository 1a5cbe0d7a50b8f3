//! Where a scrolled list starts, so that its selection stays on screen: the lists of clients,
//! the agenda, search and the audit log move their window the same way.

/// `offset` moved as little as it must for row `selected` to be within `page` rows of it.
pub fn follow(offset: usize, selected: usize, page: usize) -> usize {
    offset.clamp((selected + 1).saturating_sub(page.max(1)), selected)
}

/// The first of `len` rows to draw `height` rows high with row `selected` on screen, starting
/// from `offset` where it can and never leaving blank rows below the last.
pub fn first_visible(offset: usize, selected: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    follow(offset, selected, height).min(len.saturating_sub(height))
}
