using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;

namespace Radikalisering.Tests.AuditTrail;

/// <summary>The chain's line format and the per-blob check, without storage.</summary>
public sealed class AuditChainTests
{
    private const string BlobName = "2026/01/05/writer-0001.log";

    private static readonly DateTimeOffset At = new(2026, 1, 5, 5, 0, 0, TimeSpan.Zero);

    /// <summary>A blob's content as the writer appends it: <paramref name="count"/> chained records.</summary>
    private static List<string> Lines(int count, string blobName = BlobName)
    {
        var lines = new List<string>();
        var previous = AuditChain.GenesisHash(blobName);
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = new AuditEntry($"caller-{seq}", AuditActions.ReadConcern, $"subject-{seq}", AuditResult.Succeeded).Stamped(At.AddSeconds(seq));
            var (line, hash) = AuditChain.Format(AuditTrailRecord.Of(entry, seq, previous));
            lines.Add(line);
            previous = hash;
        }

        return lines;
    }

    [Fact]
    public void A_line_is_the_hash_of_exactly_the_record_text_after_it()
    {
        var line = Lines(1)[0];

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        var (stated, json, record) = AuditChain.Parse(line.TrimEnd('\n'))!.Value;
        Assert.Equal(AuditChain.Hash(json), stated);
        Assert.StartsWith("{\"seq\":1,\"op\":\"", json, StringComparison.Ordinal);
        Assert.Equal(("caller-1", AuditChain.GenesisHash(BlobName)), (record.Who, record.Prev));
        Assert.NotNull(record.Op);
    }

    [Fact]
    public void Quotes_and_non_ASCII_in_an_entry_are_escaped_so_the_record_stays_one_canonical_line()
    {
        var entry = new AuditEntry("ø\"prev\":\"x\n", AuditActions.ReadConcern, null, AuditResult.Forbidden).Stamped(At);

        var (line, _) = AuditChain.Format(AuditTrailRecord.Of(entry, 1, AuditChain.GenesisHash(BlobName)));

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("ø", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "\"prev\":\""));
        Assert.Equal((1L, (BrokenLink?)null), AuditTrailVerifier.VerifyBlob(BlobName, line));
    }

    [Fact]
    public void An_intact_blob_verifies_with_every_record_counted()
    {
        Assert.Equal((3L, (BrokenLink?)null), AuditTrailVerifier.VerifyBlob(BlobName, string.Concat(Lines(3))));
    }

    [Fact]
    public void A_chain_moved_to_another_blob_name_breaks_at_its_first_line()
    {
        var (records, broken) = AuditTrailVerifier.VerifyBlob("2026/01/06/writer-0001.log", string.Concat(Lines(3)));

        Assert.Equal(0, records);
        Assert.Equal(new BrokenLink("2026/01/06/writer-0001.log", 1, BrokenLinkReasons.PreviousHashMismatch), broken);
    }

    [Fact]
    public void A_last_line_without_its_newline_is_reported_as_truncated()
    {
        var content = string.Concat(Lines(3));

        var (records, broken) = AuditTrailVerifier.VerifyBlob(BlobName, content[..^1]);

        Assert.Equal(new BrokenLink(BlobName, 3, BrokenLinkReasons.Truncated), broken);
        Assert.Equal(2, records);
    }

    [Theory]
    [InlineData("not a trail line\n")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123 {not json}\n")]
    public void A_foreign_line_is_malformed(string foreign)
    {
        var lines = Lines(2);

        var (_, broken) = AuditTrailVerifier.VerifyBlob(BlobName, lines[0] + foreign + lines[1]);

        Assert.Equal(new BrokenLink(BlobName, 2, BrokenLinkReasons.Malformed), broken);
    }

    [Fact]
    public void A_record_whose_number_is_wrong_is_found_even_when_hash_and_link_hold()
    {
        var first = Lines(1)[0];
        var entry = new AuditEntry("caller-2", AuditActions.ReadConcern, "subject-2", AuditResult.Succeeded).Stamped(At);
        var (second, _) = AuditChain.Format(AuditTrailRecord.Of(entry, 5, AuditChain.Parse(first.TrimEnd('\n'))!.Value.StatedHash));

        var (_, broken) = AuditTrailVerifier.VerifyBlob(BlobName, first + second);

        Assert.Equal(new BrokenLink(BlobName, 2, BrokenLinkReasons.SequenceMismatch), broken);
    }
}
