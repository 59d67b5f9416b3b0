using System.ComponentModel.DataAnnotations;
using Radikalisering.Core.Storage;

namespace Radikalisering.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void A_connection_string_alone_is_valid() =>
        Assert.Empty(Validate(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));

    [Fact]
    public void The_three_https_service_URIs_are_valid() =>
        Assert.Empty(Validate(new StorageOptions
        {
            TableServiceUri = new Uri("https://st.table.core.windows.net"),
            QueueServiceUri = new Uri("https://st.queue.core.windows.net"),
            BlobServiceUri = new Uri("https://st.blob.core.windows.net"),
        }));

    public static TheoryData<StorageOptions, string> Invalid => new()
    {
        { new StorageOptions(), "Set either" },
        { new StorageOptions { TableServiceUri = new Uri("https://st.table.core.windows.net") }, "Set either" },
        {
            new StorageOptions
            {
                TableServiceUri = new Uri("https://st.table.core.windows.net"),
                QueueServiceUri = new Uri("https://st.queue.core.windows.net"),
            },
            "Set either"
        },
        {
            new StorageOptions
            {
                ConnectionString = "UseDevelopmentStorage=true",
                TableServiceUri = new Uri("https://st.table.core.windows.net"),
                QueueServiceUri = new Uri("https://st.queue.core.windows.net"),
            },
            "Set either"
        },
        {
            new StorageOptions
            {
                TableServiceUri = new Uri("https://st.table.core.windows.net"),
                QueueServiceUri = new Uri("https://st.queue.core.windows.net"),
                BlobServiceUri = new Uri("http://st.blob.core.windows.net"),
            },
            "https"
        },
        { new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", AuditTrailContainer = "Audit_Trail" }, "AuditTrailContainer" },
        { new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", ConcernsTable = "1concerns" }, "ConcernsTable" },
        { new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", ReportReadyQueue = "Report_Ready" }, "ReportReadyQueue" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Incomplete_or_unsafe_settings_are_refused(StorageOptions options, string reason) =>
        Assert.Contains(Validate(options), result => result.ErrorMessage!.Contains(reason, StringComparison.Ordinal)
            || result.MemberNames.Contains(reason));

    private static List<ValidationResult> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
