import { Initial1795305600000 } from './0001-initial';
import { Cases1795305601000 } from './0002-cases';
import { FamilyWork1795305602000 } from './0003-family-work';
import { Search1795305603000 } from './0004-search';
import { Tray1795305604000 } from './0005-tray';
import { Documents1795305606000 } from './0006-documents';
import { CourtRequests1795305607000 } from './0007-court-requests';
import { DecisionDue1795305608000 } from './0008-decision-due';
import { RecordsHistory1795305610000 } from './0010-records-history';
import { DocumentFields1795305611000 } from './0011-document-fields';
import { Referrals1795305612000 } from './0012-referrals';
import { LettersAndStatements1795305613000 } from './0013-letters-and-statements';
import { ApprovalHandover1795305614000 } from './0014-approval-handover';
import { ListIndexes1795305615000 } from './0015-list-indexes';
import { CaseFileIndexes1795305616000 } from './0016-case-file-indexes';
import { TrayAndSortKeys1795305617000 } from './0017-tray-and-sort-keys';
import { SearchAndStats1795305618000 } from './0018-search-and-stats';

/** Every migration this version knows, oldest first. A database that has run one not listed here is newer. */
export const MIGRATIONS = [Initial1795305600000, Cases1795305601000, FamilyWork1795305602000, Search1795305603000, Tray1795305604000, Documents1795305606000, CourtRequests1795305607000, DecisionDue1795305608000, RecordsHistory1795305610000, DocumentFields1795305611000, Referrals1795305612000, LettersAndStatements1795305613000, ApprovalHandover1795305614000, ListIndexes1795305615000, CaseFileIndexes1795305616000, TrayAndSortKeys1795305617000, SearchAndStats1795305618000];
