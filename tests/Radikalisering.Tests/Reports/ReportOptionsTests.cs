using System.ComponentModel.DataAnnotations;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Tests.Reports;

public sealed class ReportOptionsTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Report_options_need_a_sender_and_valid_recipients()
    {
        Assert.Empty(Validate(new ReportOptions { SenderMailbox = "tk@kommune.example", Recipients = ["a@kommune.example"] }));
        Assert.Contains(Validate(new ReportOptions { Recipients = ["a@kommune.example"] }), result => result.MemberNames.Contains("SenderMailbox"));
        Assert.Contains(Validate(new ReportOptions { SenderMailbox = "tk@kommune.example" }), result => result.MemberNames.Contains("Recipients"));
        Assert.Contains(
            Validate(new ReportOptions { SenderMailbox = "tk@kommune.example", Recipients = ["not an address"] }),
            result => result.ErrorMessage!.Contains("not an address", StringComparison.Ordinal));
    }

    [Fact]
    public void Disclosure_options_default_to_k_5_the_grand_total_and_the_three_one_way_tables()
    {
        var options = new DisclosureOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(5, options.Threshold);
        Assert.Equal(
            ["", "age", "reporter", "outcome"],
            options.PublishedTables.Select(table => string.Join(",", table)));
    }

    [Fact]
    public void Disclosure_options_refuse_a_threshold_below_3_and_unknown_dimensions()
    {
        Assert.Contains(Validate(new DisclosureOptions { Threshold = 2 }), result => result.MemberNames.Contains("Threshold"));
        Assert.Contains(Validate(new DisclosureOptions { Tables = ["age,municipality"] }), result => result.MemberNames.Contains("Tables"));
        Assert.Contains(Validate(new DisclosureOptions { Tables = ["age,age"] }), result => result.MemberNames.Contains("Tables"));
        Assert.Empty(Validate(new DisclosureOptions { Tables = ["total", "age , outcome"] }));
    }
}
