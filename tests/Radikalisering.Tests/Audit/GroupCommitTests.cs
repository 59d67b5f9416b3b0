using Radikalisering.Core.Audit;

namespace Radikalisering.Tests.Audit;

/// <summary>The group commit the audit table and the trail write through: who waits, what goes together, what fails.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task A_lone_item_is_committed_at_once_on_its_own()
    {
        var commits = new List<IReadOnlyList<int>>();
        using var group = new GroupCommit<int>(100, batch =>
        {
            commits.Add(batch);
            return Task.CompletedTask;
        });

        await group.WriteAsync(7, CancellationToken.None);

        Assert.Equal([7], Assert.Single(commits));
    }

    [Fact]
    public async Task Items_arriving_during_a_commit_go_together_in_the_next_up_to_the_batch_size()
    {
        var commits = new List<IReadOnlyList<int>>();
        var firstUnderWay = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        using var group = new GroupCommit<int>(3, async batch =>
        {
            commits.Add(batch);
            if (commits.Count == 1)
            {
                firstUnderWay.SetResult();
                await releaseFirst.Task;
            }
        });

        var first = group.WriteAsync(0, CancellationToken.None);
        await firstUnderWay.Task;
        var later = Enumerable.Range(1, 5).Select(item => group.WriteAsync(item, CancellationToken.None)).ToArray();
        releaseFirst.SetResult();
        await Task.WhenAll([first, .. later]);

        Assert.Equal([[0], [1, 2, 3], [4, 5]], commits.Select(batch => batch.ToArray()));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_item_it_held_and_the_next_commit_goes_on()
    {
        var firstUnderWay = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var commits = 0;
        using var group = new GroupCommit<int>(100, async batch =>
        {
            if (++commits == 1)
            {
                firstUnderWay.SetResult();
                await releaseFirst.Task;
                return;
            }

            if (batch.Contains(2))
            {
                throw new InvalidOperationException("storage down");
            }
        });

        var first = group.WriteAsync(0, CancellationToken.None);
        await firstUnderWay.Task;
        var failing = new[] { group.WriteAsync(1, CancellationToken.None), group.WriteAsync(2, CancellationToken.None) };
        releaseFirst.SetResult();
        await first;

        foreach (var write in failing)
        {
            Assert.Equal("storage down", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message);
        }

        await group.WriteAsync(3, CancellationToken.None);
        Assert.Equal(3, commits);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_is_cancelled_and_its_item_is_still_written()
    {
        var written = new List<int>();
        var firstUnderWay = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        using var group = new GroupCommit<int>(100, async batch =>
        {
            written.AddRange(batch);
            if (written.Count == 1)
            {
                firstUnderWay.SetResult();
                await releaseFirst.Task;
            }
        });

        var first = group.WriteAsync(0, CancellationToken.None);
        await firstUnderWay.Task;
        using var givingUp = new CancellationTokenSource();
        var impatient = group.WriteAsync(1, givingUp.Token);
        await givingUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        releaseFirst.SetResult();
        await first;
        await group.WriteAsync(2, CancellationToken.None);

        Assert.Equal([0, 1, 2], written);
    }
}
