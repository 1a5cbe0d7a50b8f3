//! Why clients from a CSV file were refused: the header, each row, and the whole file.
use super::catalogue;

catalogue! {
    /// The refusals of `veileder import clients.csv`; a row's value problems are `InvalidText`.
    CsvText {
        NoRows => "the file has no rows; expected a header row naming the columns, then one row per client", "filen har ingen rader; første rad skal navngi kolonnene, så kommer én rad per klient";
        HeaderUnreadable => "the header row cannot be read: {error}", "overskriftsraden kan ikke leses: {error}";
        HeaderRefused => "the header row (row 1) was refused; nothing was imported:", "overskriftsraden (rad 1) ble avvist; ingenting ble importert:";
        ColumnNotText => "column {number}: the name is not valid UTF-8 text; save the file as UTF-8", "kolonne {number}: navnet er ikke gyldig UTF-8-tekst; lagre filen som UTF-8";
        ColumnTwice => "column {number}: '{name}' appears twice; keep one of them", "kolonne {number}: '{name}' står to ganger; behold én av dem";
        ColumnUnknown => "column {number}: '{name}' is not a client field; the accepted columns are {columns}", "kolonne {number}: '{name}' er ikke et klientfelt; kolonnene som godtas, er {columns}";
        NoNameColumn => "there is no 'name' column; every client needs a name", "det finnes ingen 'name'-kolonne; hver klient må ha et navn";
        NoClientRows => "the file has no client rows below the header row; nothing to import", "filen har ingen klientrader under overskriftsraden; ingenting å importere";
        Row => "row {row}: {problem}", "rad {row}: {problem}";
        RowUnreadable => "cannot be read: {error}", "kan ikke leses: {error}";
        CellCount => "has {cells} but the header row has {columns}; a cell that contains the separator needs quotes", "har {cells}, men overskriftsraden har {columns}; en celle som inneholder skilletegnet, må stå i anførselstegn";
        UnnamedColumn => "column {number} has no name in the header row, but this row has a value in it; name the column or delete it", "kolonne {number} har ikke noe navn i overskriftsraden, men denne raden har en verdi der; gi kolonnen et navn eller slett den";
        CellNotText => "{field}: is not valid UTF-8 text; save the file as UTF-8", "{field}: er ikke gyldig UTF-8-tekst; lagre filen som UTF-8";
        OnlyRowRefused => "1 of 1 row was refused; nothing was imported:", "1 av 1 rad ble avvist; ingenting ble importert:";
        OneRowRefused => "1 of {rows} rows was refused; nothing was imported:", "1 av {rows} rader ble avvist; ingenting ble importert:";
        RowsRefused => "{refused} of {rows} rows were refused; nothing was imported:", "{refused} av {rows} rader ble avvist; ingenting ble importert:";
        More => "… and {n} more", "… og {n} til";
        Unreadable => "cannot read the file: {error}", "kan ikke lese filen: {error}";
        Changed => "the file changed while it was imported; nothing was imported, import it again", "filen ble endret mens den ble importert; ingenting ble importert, importer den på nytt";
    }
}
