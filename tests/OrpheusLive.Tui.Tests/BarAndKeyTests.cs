using OrpheusLive.Tui.Dashboard;

namespace OrpheusLive.Tui.Tests;

public sealed class BarAndKeyTests
{
    [Theory]
    [InlineData(0.0, 10, true, "", "░░░░░░░░░░")]
    [InlineData(0.5, 10, true, "█████", "░░░░░")]
    [InlineData(1.0, 4, false, "####", "")]
    [InlineData(0.26, 10, false, "###", ".......")]
    [InlineData(double.NaN, 3, false, "", "...")]
    [InlineData(7.0, 3, false, "###", "")]
    public void Bars_are_drawn_in_whole_cells(double fraction, int width, bool blocks, string filled, string empty)
    {
        TextBar.Draw(fraction, width, blocks).ShouldBe((filled, empty));
    }

    [Theory]
    [InlineData('p', DashboardAction.TogglePause)]
    [InlineData('P', DashboardAction.TogglePause)]
    [InlineData('n', DashboardAction.Skip)]
    [InlineData('d', DashboardAction.ChooseDevice)]
    [InlineData('m', DashboardAction.EditMapping)]
    [InlineData('t', DashboardAction.ToggleTimeline)]
    [InlineData('q', DashboardAction.Quit)]
    [InlineData('x', DashboardAction.None)]
    public void Keys_map_to_actions(char key, DashboardAction action)
    {
        DashboardKeys.Map(new ConsoleKeyInfo(key, ConsoleKey.A, false, false, false)).ShouldBe(action);
    }
}
