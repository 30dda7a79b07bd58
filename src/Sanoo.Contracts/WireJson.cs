using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>
/// The one serializer context of the wire, source-generated: the web defaults (camelCase names,
/// nulls written, numbers read from strings too) and every enum as a word through
/// <see cref="WireEnumConverter{TEnum}"/>. The server writes every answer through it and the
/// <c>sanoo</c> commands and the tests read them back through it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProtocolDocument))]
[JsonSerializable(typeof(Submission))]
[JsonSerializable(typeof(SubmissionBatch))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(ReceiptAnswer))]
[JsonSerializable(typeof(ImageAnswer))]
[JsonSerializable(typeof(ReceiptBatchAnswer))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(ServerStatus))]
[JsonSerializable(typeof(AreaResults))]
[JsonSerializable(typeof(StationRecord))]
[JsonSerializable(typeof(NotCountedList))]
[JsonSerializable(typeof(FlaggedList))]
[JsonSerializable(typeof(TreeHead))]
[JsonSerializable(typeof(InclusionProof))]
[JsonSerializable(typeof(ConsistencyProof))]
[JsonSerializable(typeof(EntriesPage))]
[JsonSerializable(typeof(AreaEntries))]
[JsonSerializable(typeof(RegisterPage))]
[JsonSerializable(typeof(DeviceKeys))]
[JsonSerializable(typeof(CosignatureRequest))]
[JsonSerializable(typeof(Cosignatures))]
[JsonSerializable(typeof(EntryAnswer))]
[JsonSerializable(typeof(WaitingForSupervisor))]
[JsonSerializable(typeof(StationEntries))]
[JsonSerializable(typeof(RecountRequest))]
[JsonSerializable(typeof(RecountOutcomeRequest))]
[JsonSerializable(typeof(CertificationRequest))]
[JsonSerializable(typeof(RecountOrdered))]
[JsonSerializable(typeof(RecountOutcomeRecorded))]
[JsonSerializable(typeof(CertificationRecorded))]
[JsonSerializable(typeof(RecountList))]
[JsonSerializable(typeof(CertificationList))]
[JsonSerializable(typeof(ReportRequest))]
[JsonSerializable(typeof(ReportAnswerRequest))]
[JsonSerializable(typeof(ReportRecorded))]
[JsonSerializable(typeof(ReportList))]
[JsonSerializable(typeof(TurnoutRequest))]
[JsonSerializable(typeof(TurnoutRecorded))]
[JsonSerializable(typeof(TurnoutArea))]
[JsonSerializable(typeof(ProgressReport))]
[JsonSerializable(typeof(AuditStatus))]
[JsonSerializable(typeof(SnapshotMarker))]
[JsonSerializable(typeof(AreaPageData))]
[JsonSerializable(typeof(LedgerPageData))]
[JsonSerializable(typeof(SingleMemberPageData))]
[JsonSerializable(typeof(ForensicsReport))]
[JsonSerializable(typeof(IReadOnlyList<FormRelation>))]
public sealed partial class WireJson : JsonSerializerContext;
