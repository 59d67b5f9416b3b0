using Radikalisering.Core.Reports;

namespace Radikalisering.Tests.Reports;

public sealed class ReportReadyMessagesTests
{
    [Fact]
    public void Reads_the_year_of_a_report_ready_message()
    {
        Assert.Equal(2025, ReportReadyMessages.ParseYear("""{"year":2025}"""));
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"year":"2025"}""")]
    public void Anything_else_is_a_format_error_so_the_message_ends_in_the_poison_queue(string message)
    {
        Assert.Throws<FormatException>(() => ReportReadyMessages.ParseYear(message));
    }
}
