//! The Reports screen's bar charts: new and developed businesses per year, women's share of the
//! new ones per year, and the period's businesses by sector.
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::format::fit;
use super::theme::Theme;
use crate::app::screens::reports::ReportData;
use crate::i18n::{Lang, ReportsScreenText as T};
use crate::report::YearFigures;

const YEAR_BAR_W: u16 = 3;
const SHARE_BAR_W: u16 = 4;

pub fn draw(frame: &mut Frame, area: Rect, lang: Lang, data: &ReportData, theme: &Theme) {
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
    let [years, share] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(top);
    draw_years(frame, years, lang, &data.years, theme);
    draw_share(frame, share, lang, &data.years, theme);
    draw_sectors(frame, bottom, lang, data, theme);
}

/// The latest years that fit `width` at `per_year` columns each.
fn fitting(years: &[YearFigures], width: u16, per_year: u16) -> &[YearFigures] {
    let room = usize::from(width.saturating_sub(2) / per_year.max(1));
    &years[years.len().saturating_sub(room)..]
}

fn bordered<'a>(title: &str, width: u16, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(
            fit(title, usize::from(width.saturating_sub(2))),
            theme.accent,
        ))
}

fn empty(frame: &mut Frame, area: Rect, lang: Lang, block: Block, theme: &Theme) {
    let text = Paragraph::new(Line::styled(lang.t(T::NoBusinesses), theme.muted)).block(block);
    frame.render_widget(text, area);
}

fn draw_years(frame: &mut Frame, area: Rect, lang: Lang, years: &[YearFigures], theme: &Theme) {
    let block = bordered(lang.t(T::YearsChart), area.width, theme);
    let shown = fitting(years, area.width, YEAR_BAR_W * 2 + 1);
    if shown.is_empty() {
        return empty(frame, area, lang, block, theme);
    }
    let groups: Vec<BarGroup> = shown
        .iter()
        .map(|y| {
            BarGroup::with_label(
                y.year.to_string(),
                vec![
                    Bar::new(y.new_businesses).style(theme.accent),
                    Bar::new(y.developed_businesses).style(theme.success),
                ],
            )
        })
        .collect();
    let mut chart = BarChart::default()
        .block(block)
        .bar_width(YEAR_BAR_W)
        .bar_gap(0)
        .group_gap(1)
        .value_style(theme.text)
        .label_style(theme.muted);
    for g in groups {
        chart = chart.data(g);
    }
    frame.render_widget(chart, area);
}

fn draw_share(frame: &mut Frame, area: Rect, lang: Lang, years: &[YearFigures], theme: &Theme) {
    let block = bordered(lang.t(T::ShareChart), area.width, theme);
    let shown: Vec<&YearFigures> = fitting(years, area.width, SHARE_BAR_W + 1)
        .iter()
        .filter(|y| y.new_businesses > 0)
        .collect();
    if shown.is_empty() {
        return empty(frame, area, lang, block, theme);
    }
    let bars: Vec<Bar> = shown
        .iter()
        .map(|y| {
            let pct = y.new_businesses_by_women * 100 / y.new_businesses;
            Bar::new(pct)
                .label(format!("{:02}", y.year.rem_euclid(100)))
                .text_value(format!("{pct}%"))
                .style(theme.accent)
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .data(BarGroup::new(bars))
        .max(100)
        .bar_width(SHARE_BAR_W)
        .bar_gap(1)
        .value_style(theme.text)
        .label_style(theme.muted);
    frame.render_widget(chart, area);
}

fn draw_sectors(frame: &mut Frame, area: Rect, lang: Lang, data: &ReportData, theme: &Theme) {
    let block = bordered(lang.t(T::SectorChart), area.width, theme);
    let mut sectors: Vec<(&String, u64, u64)> = data
        .report
        .by_sector
        .iter()
        .map(|(name, f)| (name, f.new_businesses, f.developed_businesses))
        .collect();
    if sectors.is_empty() {
        return empty(frame, area, lang, block, theme);
    }
    sectors.sort_by_key(|(name, new, developed)| (std::cmp::Reverse(new + developed), *name));
    sectors.truncate(usize::from(area.height.saturating_sub(2)));
    let bars: Vec<Bar> = sectors
        .iter()
        .map(|(name, new, developed)| {
            Bar::new(new + developed)
                .label(fit(name, 18))
                .text_value(format!("{new} + {developed}"))
                .style(theme.accent)
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .direction(Direction::Horizontal)
        .data(BarGroup::new(bars))
        .bar_width(1)
        .bar_gap(0)
        .value_style(theme.text.add_modifier(ratatui::style::Modifier::REVERSED))
        .label_style(theme.muted);
    frame.render_widget(chart, area);
}
