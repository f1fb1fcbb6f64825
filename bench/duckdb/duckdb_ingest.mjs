// The DuckDB baseline of bench/ingest_benchmark.sh: the reads, typing and joins hci ingest does on the same
// source directory, into a fresh DuckDB database file. Every CSV is read with explicit column types where
// hci types them (CCNs and ZIPs as text, CMS's missing-value words as NULL, amounts without "$" and
// separators), hospitals are geocoded by a join on the ZIP centroids, and the measure files become one long
// value table joined to the hospitals, as hci's measure_values.
// Usage: node bench/duckdb/duckdb_ingest.mjs SOURCE_DIR DB_PATH
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, dbPath] = process.argv.slice(2);
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const instance = await DuckDBInstance.create(dbPath);
const db = await instance.connect();
const run = (sql) => db.run(sql);
const missing = "nullstr = ['Not Available', 'Not Applicable', 'Too Few to Report', 'N/A', '']";
const text = (path) => `read_csv('${dir}/${path}', all_varchar = true, header = true)`;
const amount = (column) => `TRY_CAST(replace(replace("${column}", '$', ''), ',', '') AS DOUBLE)`;

for (const [table, path] of [
  ['urban_rural_codes', 'counties/NCHSurb-rural-codes.csv'],
  ['chr_measure_dictionary', 'counties/chr_county_measures_dictionary.csv'],
  ['chr_county_measures', 'counties/chr_county_measures.csv'],
  ['chr_state_measures', 'states/chr_state_measures.csv'],
  ['hifld_hospitals', 'hospitals/hifld_hospitals.csv'],
  ['cms_footnotes', 'cms/Footnote_Crosswalk.csv'],
]) await run(`CREATE TABLE ${table} AS SELECT * FROM read_csv_auto('${dir}/${path}', header = true)`);
await run(`CREATE TABLE zip_centroids AS SELECT * FROM read_csv('${dir}/geo/zip_centroids.csv', header = true,
  columns = {'zip': 'VARCHAR', 'latitude': 'DOUBLE', 'longitude': 'DOUBLE', 'city': 'VARCHAR', 'state': 'VARCHAR', 'coord_source': 'VARCHAR'})`);
await run(`CREATE TABLE state_indicators AS SELECT state_abbr AS state, CAST(year AS INTEGER) AS year, indicator,
  TRY_CAST(value AS DOUBLE) AS value, unit, source FROM ${text('states/state_indicators_long.csv')}`);
await run(`CREATE TABLE state_unemployment AS SELECT * FROM read_csv_auto('${dir}/states/state_unemployment_monthly.csv', header = true)`);

await run(`CREATE TABLE hospitals AS SELECT lpad(h."Facility ID", 6, '0') AS id, h."Facility Name" AS name, h."City/Town" AS city,
  h."State" AS state, lpad(h."ZIP Code", 5, '0') AS zip, h."County/Parish" AS county, h."Hospital Type" AS type,
  h."Hospital Ownership" AS ownership, h."Emergency Services" = 'Yes' AS emergency_services,
  h."Meets criteria for birthing friendly designation" = 'Y' AS birthing_friendly,
  TRY_CAST(h."Hospital overall rating" AS INTEGER) AS rating, z.latitude, z.longitude
  FROM ${text('cms/Hospital_General_Information.csv')} h LEFT JOIN zip_centroids z ON z.zip = lpad(h."ZIP Code", 5, '0')`);

const hrrp = `read_csv('${dir}/cms/Hospital_Readmissions_Reduction_Program_Hospital.csv', header = true, ${missing},
  types = {'Facility ID': 'VARCHAR', 'Number of Discharges': 'DOUBLE', 'Excess Readmission Ratio': 'DOUBLE',
  'Predicted Readmission Rate': 'DOUBLE', 'Expected Readmission Rate': 'DOUBLE', 'Number of Readmissions': 'DOUBLE',
  'Footnote': 'VARCHAR', 'Start Date': 'DATE', 'End Date': 'DATE'}, dateformat = '%m/%d/%Y')`;
const mspb = `read_csv('${dir}/cms/Medicare_Hospital_Spending_Per_Patient-Hospital.csv', header = true, ${missing},
  types = {'Facility ID': 'VARCHAR', 'ZIP Code': 'VARCHAR', 'Score': 'DOUBLE', 'Footnote': 'VARCHAR',
  'Start Date': 'DATE', 'End Date': 'DATE'}, dateformat = '%m/%d/%Y')`;
const survey = `read_csv('${dir}/cms/HCAHPS-Hospital.csv.gz', header = true, ${missing}, all_varchar = true)`;
const inpatient = `read_csv('${dir}/cms/Medicare_IP_Hospitals_by_Provider_2023.csv', header = true, all_varchar = true,
  ignore_errors = true)`;  // DuckDB's latin-1 refuses this UTF-8 file; its 5 rows with a Windows-1252 dash are skipped
// The wide program files of the July 2024 archive: each figure a column (percents written with "%").
const archive = (file) => `read_csv('${dir}/cms/archive_2024-07/${file}', header = true, ${missing}, all_varchar = true)`;
const rate = (column) => `TRY_CAST(replace("${column}", '%', '') AS DOUBLE)`;
const hacComponents = [['PSI 90', 'HAC-PSI-90', 'PSI 90 Composite Value'], ...['CLABSI', 'CAUTI', 'SSI', 'CDI', 'MRSA']
  .map((p) => [p, `HAC-${p}-SIR`, `${p} SIR`])];
const hacFigures = hacComponents.flatMap(([prefix, id, value]) => [
  [id, value, `${value} Footnote`], [`${id}-WZ`, `${prefix} W Z Score`, `${prefix} W Z Footnote`]])
  .concat([['HAC-TOTAL-SCORE', 'Total HAC Score', 'Total HAC Score Footnote']]);
const performance = (pairs) => pairs.map(([prefix, id]) => [id, `${prefix} Performance Rate`]);
const vbpFiles = [
  ['hvbp_clinical_outcomes.csv', performance(['MORT-30-AMI', 'MORT-30-HF', 'MORT-30-PN', 'MORT-30-COPD', 'MORT-30-CABG',
    'COMP-HIP-KNEE'].map((id) => [id, id]))],
  ['hvbp_safety.csv', performance([1, 2, 3, 4, 5, 6].map((n) => [`HAI-${n}`, `HAI-${n}`]))],
  ['hvbp_efficiency_and_cost_reduction.csv', performance([['MSPB-1', 'MSPB-1-VBP']])],
  ['hvbp_person_and_community_engagement.csv', performance([['Communication With Nurses', 'VBP-HCAHPS-NURSES'],
    ['Communication With Doctors', 'VBP-HCAHPS-DOCTORS'], ['Responsiveness Of Hospital Staff', 'VBP-HCAHPS-RESPONSIVENESS'],
    ['Care Transition', 'VBP-HCAHPS-CARE-TRANSITION'], ['Communication About Medicines', 'VBP-HCAHPS-MEDICINES'],
    ['Cleanliness And Quietness Of Hospital Environment', 'VBP-HCAHPS-CLEAN-QUIET'],
    ['Discharge Information', 'VBP-HCAHPS-DISCHARGE-INFO'], ['Overall Rating Of Hospital', 'VBP-HCAHPS-OVERALL-RATING']])
    .concat([['VBP-HCAHPS-BASE-SCORE', 'Hcahps Base Score'], ['VBP-HCAHPS-CONSISTENCY-SCORE', 'Hcahps Consistency Score']])],
  ['hvbp_tps.csv', [['VBP-CLINICAL-OUTCOMES-DOMAIN', 'Unweighted Normalized Clinical Outcomes Domain Score'],
    ['VBP-CLINICAL-OUTCOMES-DOMAIN-WEIGHTED', 'Weighted Normalized Clinical Outcomes Domain Score'],
    ['VBP-ENGAGEMENT-DOMAIN', 'Unweighted Person And Community Engagement Domain Score'],
    ['VBP-ENGAGEMENT-DOMAIN-WEIGHTED', 'Weighted Person And Community Engagement Domain Score'],
    ['VBP-SAFETY-DOMAIN', 'Unweighted Normalized Safety Domain Score'], ['VBP-SAFETY-DOMAIN-WEIGHTED', 'Weighted Safety Domain Score'],
    ['VBP-EFFICIENCY-DOMAIN', 'Unweighted Normalized Efficiency And Cost Reduction Domain Score'],
    ['VBP-EFFICIENCY-DOMAIN-WEIGHTED', 'Weighted Efficiency And Cost Reduction Domain Score'],
    ['VBP-TPS', 'Total Performance Score']]],
];
const programValues = hacFigures.map(([id, value, footnote]) =>
  `UNION ALL SELECT "Facility ID", '${id}', ${rate(value)}, "${footnote}", NULL FROM ${archive('FY_2024_HAC_Reduction_Program_Hospital.csv')}`)
  .concat(vbpFiles.flatMap(([file, figures]) => figures.map(([id, value]) =>
    `UNION ALL SELECT "Facility ID", '${id}', ${rate(value)}, NULL, NULL FROM ${archive(file)}`)))
  .join('\n    ');
await run(`CREATE TABLE measure_values AS
  WITH values_long AS (
    SELECT "Facility ID" AS facility_id, "Measure Name" AS measure_id, "Excess Readmission Ratio" AS value,
           "Footnote" AS footnote, "Number of Discharges" AS denominator FROM ${hrrp}
    UNION ALL SELECT "Facility ID", "Measure Name" || '-PREDICTED', "Predicted Readmission Rate", "Footnote", "Number of Discharges" FROM ${hrrp}
    UNION ALL SELECT "Facility ID", "Measure Name" || '-EXPECTED', "Expected Readmission Rate", "Footnote", "Number of Discharges" FROM ${hrrp}
    UNION ALL SELECT "Facility ID", "Measure Name" || '-READMISSIONS', "Number of Readmissions", "Footnote", "Number of Discharges" FROM ${hrrp}
    UNION ALL SELECT "Facility ID", "Measure ID", "Score", "Footnote", NULL FROM ${mspb}
    UNION ALL SELECT "Facility ID", "HCAHPS Measure ID",
      TRY_CAST(CASE WHEN "HCAHPS Measure ID" LIKE '%STAR_RATING' THEN "Patient Survey Star Rating"
                    WHEN "HCAHPS Measure ID" LIKE '%LINEAR_SCORE' THEN "HCAHPS Linear Mean Value"
                    ELSE "HCAHPS Answer Percent" END AS DOUBLE),
      coalesce("Patient Survey Star Rating Footnote", "HCAHPS Answer Percent Footnote", "Number of Completed Surveys Footnote"),
      TRY_CAST("Number of Completed Surveys" AS DOUBLE) FROM ${survey}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-DISCHARGES', ${amount('Tot_Dschrgs')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-BENEFICIARIES', ${amount('Tot_Benes')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-COVERED-DAYS', ${amount('Tot_Cvrd_Days')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-SUBMITTED-CHARGES', ${amount('Tot_Submtd_Cvrd_Chrg')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-TOTAL-PAYMENT', ${amount('Tot_Pymt_Amt')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-MEDICARE-PAYMENT', ${amount('Tot_Mdcr_Pymt_Amt')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-RISK-SCORE', ${amount('Bene_Avg_Risk_Scre')}, NULL, NULL FROM ${inpatient}
    UNION ALL SELECT Rndrng_Prvdr_CCN, 'MEDICARE-IP-PAYMENT-PER-DISCHARGE', ${amount('Tot_Mdcr_Pymt_Amt')} / ${amount('Tot_Dschrgs')},
      NULL, ${amount('Tot_Dschrgs')} FROM ${inpatient}
    ${programValues})
  SELECT v.* FROM values_long v SEMI JOIN hospitals h ON h.id = v.facility_id`);
const reader = await db.runAndReadAll('SELECT count(*) FROM measure_values');
console.log(`measure_values ${reader.getRows()[0][0]}`);
db.closeSync();
